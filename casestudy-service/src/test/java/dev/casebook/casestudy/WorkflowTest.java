package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class WorkflowTest {

    static String publishedCaseStudy(String title) {
        String id = CaseStudyApiTest.create(People.alice(), Documents.full(title)).path("id");
        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        People.eve().post("/api/case-studies/" + id + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        return id;
    }

    @Test
    void aDraftGoesThroughReviewToPublicationAndEveryoneCanReadIt() {
        String id = publishedCaseStudy(Documents.uniqueTitle("Published"));
        People.anonymous().get("/api/case-studies/" + id).then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedAt", notNullValue());
        People.vic().get("/api/case-studies/" + id).then().statusCode(200);
        People.bob().get("/api/case-studies/" + id).then().statusCode(200);
    }

    @Test
    void anEditorSendsACaseStudyBackWithAComment() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Needs work"))).path("id");
        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        People.eve().contentType(ContentType.JSON).body("{\"comment\": \"Add the metrics table\"}")
                .post("/api/case-studies/" + id + "/request-changes").then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));
        People.alice().get("/api/case-studies/" + id).then().body("reviewComment", equalTo("Add the metrics table"));
        People.eve().contentType(ContentType.JSON).body("{}")
                .post("/api/case-studies/" + id + "/request-changes").then()
                .statusCode(400);
    }

    @Test
    void anIllegalTransitionIsAConflictNamingTheCurrentStatus() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Too early"))).path("id");
        People.eve().post("/api/case-studies/" + id + "/publish").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("currentStatus", equalTo("DRAFT"))
                .body("detail", containsString("DRAFT"));
        People.eve().post("/api/case-studies/" + id + "/unpublish").then().statusCode(409).body("currentStatus", equalTo("DRAFT"));
    }

    @Test
    void onlyEditorsAndAdminsPublish() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Self-published"))).path("id");
        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        People.alice().post("/api/case-studies/" + id + "/publish").then().statusCode(403).contentType("application/problem+json");
        People.ada().post("/api/case-studies/" + id + "/publish").then().statusCode(200);
    }

    @Test
    void anAuthorCannotEditTheirCaseStudyWhileItIsInReview() {
        String title = Documents.uniqueTitle("Under review");
        String id = CaseStudyApiTest.create(People.alice(), Documents.full(title)).path("id");
        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        ExtractableResponse<Response> submitted = People.alice().get("/api/case-studies/" + id).then().statusCode(200).extract();
        String etag = submitted.header("ETag");

        People.alice().contentType(ContentType.JSON).header("If-Match", etag).body(Documents.minimal(title + ", rewritten"))
                .put("/api/case-studies/" + id).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://casebook.dev/problems/conflict"))
                .body("currentStatus", equalTo("IN_REVIEW"))
                .body("detail", containsString("IN_REVIEW"));
        People.alice().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"summary\": \"Changed during review.\"}")
                .patch("/api/case-studies/" + id).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://casebook.dev/problems/conflict"))
                .body("currentStatus", equalTo("IN_REVIEW"));

        // Nothing changed: the same version, the same document, and no revision saved.
        ExtractableResponse<Response> after = People.alice().get("/api/case-studies/" + id).then().statusCode(200)
                .header("ETag", etag).extract();
        assertEquals(submitted.asString(), after.asString());
        People.alice().get("/api/case-studies/" + id + "/revisions").then().body("version", contains(0));
    }

    @Test
    void anEditorEditsACaseStudyInReviewAndItStaysInReview() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.full(Documents.uniqueTitle("Copy-edited"))).path("id");
        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        String etag = People.eve().get("/api/case-studies/" + id).then().extract().header("ETag");
        People.eve().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"summary\": \"Tightened by the editor.\"}")
                .patch("/api/case-studies/" + id).then()
                .statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("summary", equalTo("Tightened by the editor."));
        People.alice().get("/api/case-studies/" + id).then().body("summary", equalTo("Tightened by the editor."));
    }

    @Test
    void editingAPublishedCaseStudyMakesADraftWhileThePublicKeepsReadingThePublishedOne() {
        String title = Documents.uniqueTitle("Live");
        String id = publishedCaseStudy(title);
        String etag = People.alice().get("/api/case-studies/" + id).then().extract().header("ETag");
        People.alice().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"title\": \"" + title + " v2\"}")
                .patch("/api/case-studies/" + id).then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));

        People.anonymous().get("/api/case-studies/" + id).then().statusCode(200)
                .body("title", equalTo(title)).body("status", equalTo("PUBLISHED"));
        People.alice().get("/api/case-studies/" + id).then().body("title", equalTo(title + " v2"));

        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        People.eve().post("/api/case-studies/" + id + "/publish").then().statusCode(200);
        People.anonymous().get("/api/case-studies/" + id).then().body("title", equalTo(title + " v2"));
    }

    @Test
    void theSlugOfAPublishedCaseStudyStays() {
        String id = publishedCaseStudy(Documents.uniqueTitle("Stable"));
        String etag = People.alice().get("/api/case-studies/" + id).then().extract().header("ETag");
        People.alice().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"slug\": \"a-new-name\"}")
                .patch("/api/case-studies/" + id).then()
                .statusCode(409);
    }

    @Test
    void unpublishingTakesACaseStudyOffThePublicSite() {
        String id = publishedCaseStudy(Documents.uniqueTitle("Withdrawn"));
        People.eve().post("/api/case-studies/" + id + "/unpublish").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("publishedAt", nullValue());
        People.anonymous().get("/api/case-studies/" + id).then().statusCode(404);
        People.alice().get("/api/case-studies/" + id).then().statusCode(200);
    }

    @Test
    void anArchivedCaseStudyIsNoLongerPublicAndCannotBeEdited() {
        String id = publishedCaseStudy(Documents.uniqueTitle("Archived"));
        People.eve().post("/api/case-studies/" + id + "/archive").then().statusCode(200).body("status", equalTo("ARCHIVED"));
        People.anonymous().get("/api/case-studies/" + id).then().statusCode(404);
        People.eve().contentType(ContentType.JSON).header("If-Match", "*").body(Documents.minimal("Revived"))
                .put("/api/case-studies/" + id).then().statusCode(409).body("currentStatus", equalTo("ARCHIVED"));
        People.eve().post("/api/case-studies/" + id + "/archive").then().statusCode(409);
    }

    @Test
    void anAuthorDeletesTheirNeverPublishedDraftButNotAPublishedOne() {
        String draft = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Scrapped"))).path("id");
        People.bob().delete("/api/case-studies/" + draft).then().statusCode(404);
        People.alice().delete("/api/case-studies/" + draft).then().statusCode(204);
        People.alice().get("/api/case-studies/" + draft).then().statusCode(404);

        String published = publishedCaseStudy(Documents.uniqueTitle("Kept"));
        People.alice().delete("/api/case-studies/" + published).then().statusCode(403);
        People.ada().delete("/api/case-studies/" + published).then().statusCode(204);
        People.anonymous().get("/api/case-studies/" + published).then().statusCode(404);
    }
}
