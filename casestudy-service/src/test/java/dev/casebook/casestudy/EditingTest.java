package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class EditingTest {

    private static String startDraft(String title) {
        return CaseStudyApiTest.create(People.alice(), Documents.full(title)).path("id");
    }

    @Test
    void aReplaceWithoutIfMatchIsRefusedAndChangesNothing() {
        String title = Documents.uniqueTitle("Unguarded");
        String id = startDraft(title);
        People.alice().contentType(ContentType.JSON).body(Documents.minimal("Overwritten")).put("/api/case-studies/" + id).then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("https://casebook.dev/problems/precondition-required"));
        People.alice().get("/api/case-studies/" + id).then().body("title", equalTo(title));
    }

    @Test
    void aReplaceWithTheCurrentETagSavesAndMovesTheETag() {
        String id = startDraft(Documents.uniqueTitle("Guarded"));
        People.alice().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Documents.minimal("Guarded, revised")).put("/api/case-studies/" + id).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Guarded, revised"))
                .body("challenge", nullValue());
    }

    @Test
    void aReplaceWithAStaleETagIsAPreconditionFailure() {
        String id = startDraft(Documents.uniqueTitle("Stale"));
        People.alice().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Documents.minimal("First"))
                .put("/api/case-studies/" + id).then().statusCode(200);
        People.alice().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Documents.minimal("Second"))
                .put("/api/case-studies/" + id).then()
                .statusCode(412)
                .body("currentVersion", equalTo(1));
        People.alice().get("/api/case-studies/" + id).then().body("title", equalTo("First"));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNames() {
        String title = Documents.uniqueTitle("Patched");
        String id = startDraft(title);
        People.alice().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"client\": {\"industry\": \"Logistics\"}, \"codeExample\": null}")
                .patch("/api/case-studies/" + id).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo(title))
                .body("client.name", equalTo("Acme Retail"))
                .body("client.industry", equalTo("Logistics"))
                .body("codeExample", nullValue())
                .body("techStack.backend", hasItem("Quarkus"));
    }

    @Test
    void aMergePatchCannotSetWhatTheServiceOwns() {
        String id = startDraft(Documents.uniqueTitle("Patch status"));
        People.alice().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"status\": \"PUBLISHED\"}")
                .patch("/api/case-studies/" + id).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        People.alice().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"title\": null}")
                .patch("/api/case-studies/" + id).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void ofTwoConcurrentWritersExactlyOneWins() throws Exception {
        String id = startDraft(Documents.uniqueTitle("Race"));
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = new ArrayList<>();
            for (String title : new String[] {"Writer A", "Writer B"}) {
                both.add(() -> People.alice().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                        .body(Documents.minimal(title)).put("/api/case-studies/" + id).then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : writers.invokeAll(both)) {
                statuses.add(status.get());
            }
            assertThat(statuses, containsInAnyOrder(200, 412));
        } finally {
            writers.shutdownNow();
        }
        People.alice().get("/api/case-studies/" + id).then().body("version", equalTo(1));
    }

    @Test
    void anotherAuthorCannotEditADraftThatIsNotTheirs() {
        String id = startDraft(Documents.uniqueTitle("Mine"));
        People.bob().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Documents.minimal("Theirs"))
                .put("/api/case-studies/" + id).then().statusCode(404);
    }

    @Test
    void everySavedVersionIsKeptWithWhoAndWhen() {
        String title = Documents.uniqueTitle("Versioned");
        String id = startDraft(title);
        People.alice().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Documents.minimal("Versioned, take two"))
                .put("/api/case-studies/" + id).then().statusCode(200);

        People.alice().get("/api/case-studies/" + id + "/revisions").then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(0, 1))
                .body("title", org.hamcrest.Matchers.contains(title, "Versioned, take two"))
                .body("savedBy", org.hamcrest.Matchers.everyItem(equalTo(People.ALICE)));
        People.alice().get("/api/case-studies/" + id + "/revisions/0").then()
                .statusCode(200)
                .body("version", equalTo(0))
                .body("document.title", equalTo(title))
                .body("document.techStack.backend", hasItem("Quarkus"));
        People.alice().get("/api/case-studies/" + id + "/revisions/2").then().statusCode(404);
        People.bob().get("/api/case-studies/" + id + "/revisions").then().statusCode(404);
        People.anonymous().get("/api/case-studies/" + id + "/revisions").then().statusCode(401);
    }
}
