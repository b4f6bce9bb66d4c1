package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static dev.casebook.testing.People.ALICE;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class CaseStudyApiTest {

    static ExtractableResponse<Response> create(io.restassured.specification.RequestSpecification as, String body) {
        return as.contentType(ContentType.JSON).body(body).post("/api/case-studies").then()
                .statusCode(201).extract();
    }

    @Test
    void anAuthorStartsADraftWithEverySectionOfTheTemplate() {
        String title = Documents.uniqueTitle("Checkout Rewrite");
        ExtractableResponse<Response> created = create(People.alice(), Documents.full(title));

        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/case-studies/" + id));
        org.hamcrest.MatcherAssert.assertThat(created.header("ETag"), equalTo("\"0\""));
        People.alice().get("/api/case-studies/" + id).then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .body("authorId", equalTo(ALICE))
                .body("title", equalTo(title))
                .body("slug", startsWith("checkout-rewrite-"))
                .body("client.industry", equalTo("Retail"))
                .body("challenge.painPoints", hasItem("Timeouts at peak"))
                .body("techStack.backend", hasItem("Quarkus"))
                .body("challenges[0].approaches[1].name", equalTo("Transactional outbox"))
                .body("deployment.stages[3]", equalTo("Production"))
                .body("lessons.doDifferently[0]", equalTo("Start with the outbox"))
                .body("createdAt", notNullValue());
    }

    @Test
    void aCaseStudyIsFoundBySlugToo() {
        String slug = create(People.alice(), Documents.minimal(Documents.uniqueTitle("Slugged"))).path("slug");
        People.alice().get("/api/case-studies/" + slug).then().statusCode(200).body("slug", equalTo(slug));
    }

    @Test
    void anUnchangedCaseStudyIsNotSentAgain() {
        String id = create(People.alice(), Documents.minimal(Documents.uniqueTitle("Cached"))).path("id");
        People.alice().header("If-None-Match", "\"0\"").get("/api/case-studies/" + id).then()
                .statusCode(304)
                .header("ETag", "\"0\"");
        People.alice().header("If-None-Match", "\"7\"").get("/api/case-studies/" + id).then().statusCode(200);
    }

    @Test
    void aDraftIsInvisibleToEveryoneButItsAuthorAndTheStaff() {
        String id = create(People.alice(), Documents.minimal(Documents.uniqueTitle("Secret"))).path("id");
        People.anonymous().get("/api/case-studies/" + id).then().statusCode(404).contentType("application/problem+json");
        People.bob().get("/api/case-studies/" + id).then().statusCode(404);
        People.vic().get("/api/case-studies/" + id).then().statusCode(404);
        People.eve().get("/api/case-studies/" + id).then().statusCode(200);
        People.ada().get("/api/case-studies/" + id).then().statusCode(200);
    }

    @Test
    void onlyAuthorsEditorsAndAdminsStartCaseStudies() {
        People.anonymous().contentType(ContentType.JSON).body(Documents.minimal("Nobody's")).post("/api/case-studies").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        People.vic().contentType(ContentType.JSON).body(Documents.minimal("Viewer's")).post("/api/case-studies").then()
                .statusCode(403).contentType("application/problem+json");
        create(People.eve(), Documents.minimal(Documents.uniqueTitle("Editor's")));
    }

    @Test
    void clientsCannotSetWhatTheServiceOwns() {
        for (String field : new String[] {"\"id\": \"00000000-0000-0000-0000-000000000000\"", "\"status\": \"PUBLISHED\"",
                "\"authorId\": \"someone\"", "\"version\": 9", "\"createdAt\": \"2020-01-01T00:00:00Z\""}) {
            People.alice().contentType(ContentType.JSON)
                    .body("{\"title\": \"Sneaky\", \"summary\": \"s\", " + field + "}")
                    .post("/api/case-studies").then()
                    .statusCode(400)
                    .body("type", endsWith("/validation-failed"))
                    .body("errors[0].message", equalTo("is not a field that can be set"));
        }
    }

    @Test
    void titleAndSummaryAreRequired() {
        People.alice().contentType(ContentType.JSON).body("{\"client\": {\"name\": \"Acme\"}}").post("/api/case-studies").then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("title", "summary"));
    }

    @Test
    void aDiagramMustBeMermaid() {
        People.alice().contentType(ContentType.JSON)
                .body("{\"title\": \"Bad diagram\", \"summary\": \"s\", \"architecture\": {\"diagram\": \"<svg>nope</svg>\"}}")
                .post("/api/case-studies").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("architecture.diagram"))
                .body("errors[0].message", containsString("mermaid"));
    }

    @Test
    void aNulCharacterIsAFieldErrorNotADatabaseFailure() {
        People.alice().contentType(ContentType.JSON)
                .body("{\"title\": \"Nul\", \"summary\": \"before\\u0000after\"}")
                .post("/api/case-studies").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("summary"))
                .body("errors[0].message", containsString("NUL"));
    }

    @Test
    void tenThousandTagsAreRefused() {
        String tags = String.join(",", java.util.Collections.nCopies(10_000, "\"t\""));
        People.alice().contentType(ContentType.JSON)
                .body("{\"title\": \"Tagged\", \"summary\": \"s\", \"tags\": [" + tags + "]}")
                .post("/api/case-studies").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tags"));
    }

    @Test
    void aFiveMebibyteSummaryIsRefused() {
        String summary = "x".repeat(5 * 1024 * 1024);
        People.alice().contentType(ContentType.JSON)
                .body("{\"title\": \"Long\", \"summary\": \"" + summary + "\"}")
                .post("/api/case-studies").then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aSummaryOverTheLimitNamesTheField() {
        People.alice().contentType(ContentType.JSON)
                .body("{\"title\": \"Long\", \"summary\": \"" + "x".repeat(20_001) + "\"}")
                .post("/api/case-studies").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("summary"));
    }

    @Test
    void aSlugThatCollidesIsAConflictAndNothingIsSaved() {
        String slug = create(People.alice(), Documents.minimal(Documents.uniqueTitle("Original"))).path("slug");
        People.bob().contentType(ContentType.JSON)
                .body("{\"title\": \"Copycat\", \"slug\": \"" + slug + "\", \"summary\": \"s\"}")
                .post("/api/case-studies").then()
                .statusCode(409)
                .body("detail", containsString(slug));
        People.bob().queryParam("q", "Copycat").get("/api/case-studies").then().body("total", equalTo(0));
    }

    @Test
    void aTitleThatMakesATakenSlugGetsANumber() {
        String title = Documents.uniqueTitle("Same Title");
        String first = create(People.alice(), Documents.minimal(title)).path("slug");
        String second = create(People.bob(), Documents.minimal(title)).path("slug");
        org.hamcrest.MatcherAssert.assertThat(second, equalTo(first + "-2"));
    }
}
