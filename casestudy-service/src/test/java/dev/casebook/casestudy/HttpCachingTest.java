package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import dev.casebook.testing.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What frontends and the caches in front of them may keep: a published case study, its Markdown and HTML, and the
 * listing carry Cache-Control and an ETag, and If-None-Match with a current one gets a 304 and nothing else.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class HttpCachingTest {

    @Inject
    AgroalDataSource database;

    private static final String PUBLIC = "public, max-age=60";
    private static final String PRIVATE = "private, no-cache";

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/markdown", "text/html"})
    void aPublishedCaseStudyMayBeKeptByAnyCacheAndIsNotSentAgainWhileCurrent(String representation) {
        String slug = slugOf(WorkflowTest.publishedCaseStudy(Documents.uniqueTitle("Cacheable")));
        String etag = People.anonymous().accept(representation).get("/api/case-studies/" + slug).then()
                .statusCode(200)
                .header("Cache-Control", PUBLIC)
                .header("Vary", "Accept, Authorization")
                .extract().header("ETag");

        People.anonymous().accept(representation).header("If-None-Match", etag).get("/api/case-studies/" + slug).then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", PUBLIC)
                .header("Vary", "Accept, Authorization")
                .body(emptyString());
    }

    @Test
    void a304NeverReadsTheDocument() {
        UUID id = UUID.fromString(WorkflowTest.publishedCaseStudy(Documents.uniqueTitle("Unread")));
        String etag = People.anonymous().get("/api/case-studies/" + id).then().statusCode(200).extract().header("ETag");
        // A published document no read can take in: a full read of it fails, a 304 never looks at it.
        assertEquals(1, Rows.update(database, "UPDATE published_case_study SET content = '\"unreadable\"'::jsonb WHERE id = ?", id));
        try {
            People.anonymous().header("If-None-Match", etag).get("/api/case-studies/" + id).then().statusCode(304);
            People.anonymous().header("If-None-Match", etag).accept("text/markdown").get("/api/case-studies/" + id).then()
                    .statusCode(500);
        } finally {
            Rows.update(database, "UPDATE published_case_study AS p SET content = c.content FROM case_study AS c WHERE p.id = c.id AND p.id = ?", id);
        }
        People.anonymous().header("If-None-Match", etag).get("/api/case-studies/" + id).then().statusCode(304);
    }

    @Test
    void eachRepresentationHasItsOwnETag() {
        String slug = slugOf(WorkflowTest.publishedCaseStudy(Documents.uniqueTitle("Three ways")));
        String json = People.anonymous().get("/api/case-studies/" + slug).then().extract().header("ETag");
        String version = json.replace("\"", "");

        People.anonymous().accept("text/markdown").header("If-None-Match", json).get("/api/case-studies/" + slug).then()
                .statusCode(200).header("ETag", "\"" + version + "-md\"");
        People.anonymous().accept("text/html").header("If-None-Match", json).get("/api/case-studies/" + slug).then()
                .statusCode(200).header("ETag", "\"" + version + "-html\"");
    }

    @Test
    void aReadWithATokenIsForTheCallersBrowserAloneAndCheckedAtEveryUse() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Private draft"))).path("id");
        String etag = People.alice().get("/api/case-studies/" + id).then()
                .statusCode(200)
                .header("Cache-Control", PRIVATE)
                .extract().header("ETag");

        People.alice().header("If-None-Match", etag).get("/api/case-studies/" + id).then()
                .statusCode(304).header("ETag", etag).header("Cache-Control", PRIVATE);
        // Someone who may not see the draft gets no 304 for it: the tag names a copy they cannot read.
        assertProblem(People.anonymous().header("If-None-Match", etag).get("/api/case-studies/" + id).then(), 404, "not-found");
    }

    @Test
    void anEditIsServedToThePublicOnlyOnceItIsPublishedUnderANewETag() {
        String title = Documents.uniqueTitle("Edited");
        String id = WorkflowTest.publishedCaseStudy(title);
        String published = People.anonymous().get("/api/case-studies/" + id).then().extract().header("ETag");
        String working = People.alice().get("/api/case-studies/" + id).then().extract().header("ETag");
        People.alice().contentType("application/merge-patch+json").header("If-Match", working)
                .body("{\"title\": \"" + title + " v2\"}").patch("/api/case-studies/" + id).then().statusCode(200);

        // The public still reads the published copy, so its tag still holds.
        People.anonymous().header("If-None-Match", published).get("/api/case-studies/" + id).then().statusCode(304);

        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        People.eve().post("/api/case-studies/" + id + "/publish").then().statusCode(200);
        String republished = People.anonymous().header("If-None-Match", published).get("/api/case-studies/" + id).then()
                .statusCode(200)
                .body("title", equalTo(title + " v2"))
                .extract().header("ETag");
        assertNotEquals(published, republished);
        People.anonymous().header("If-None-Match", republished).get("/api/case-studies/" + id).then().statusCode(304);
    }

    @Test
    void anotherETagGetsTheCopyAndAnUnknownCaseStudyIsNotFound() {
        String id = WorkflowTest.publishedCaseStudy(Documents.uniqueTitle("Another tag"));
        String before = People.anonymous().get("/api/case-studies/" + id).then().extract().header("ETag");
        People.anonymous().header("If-None-Match", "\"999\"").get("/api/case-studies/" + id).then()
                .statusCode(200).header("ETag", before);
        assertProblem(People.anonymous().header("If-None-Match", before).get("/api/case-studies/" + UUID.randomUUID()).then(),
                404, "not-found");
    }

    @Test
    void theListingHasAnETagThatHoldsUntilSomethingItListsChanges() {
        String marker = "ibex" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        WorkflowTest.publishedCaseStudy("Alpha " + marker);
        String etag = People.anonymous().queryParam("q", marker).get("/api/case-studies").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .header("Cache-Control", PUBLIC)
                .header("ETag", startsWith("\"list-"))
                .extract().header("ETag");

        People.anonymous().queryParam("q", marker).header("If-None-Match", etag).get("/api/case-studies").then()
                .statusCode(304).header("ETag", etag).header("Cache-Control", PUBLIC).body(emptyString());
        // Another page, or another query, is another listing.
        String secondPage = People.anonymous().queryParam("q", marker).queryParam("page", 1).header("If-None-Match", etag)
                .get("/api/case-studies").then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, secondPage);

        String draft = CaseStudyApiTest.create(People.alice(), Documents.minimal("Bravo " + marker)).path("id");
        People.anonymous().queryParam("q", marker).header("If-None-Match", etag).get("/api/case-studies").then()
                .statusCode(304); // a draft is not in the public listing
        People.alice().post("/api/case-studies/" + draft + "/submit").then().statusCode(200);
        People.eve().post("/api/case-studies/" + draft + "/publish").then().statusCode(200);
        String after = People.anonymous().queryParam("q", marker).header("If-None-Match", etag).get("/api/case-studies").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .extract().header("ETag");
        assertNotEquals(etag, after);
    }

    @Test
    void theListingOfSomeoneSignedInIsTheirsAlone() {
        String marker = "gnu" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        CaseStudyApiTest.create(People.alice(), Documents.minimal("Draft " + marker));
        String alices = People.alice().queryParam("q", marker).get("/api/case-studies").then()
                .statusCode(200).body("total", equalTo(1)).header("Cache-Control", PRIVATE).extract().header("ETag");
        String bobs = People.bob().queryParam("q", marker).get("/api/case-studies").then()
                .statusCode(200).body("total", equalTo(0)).extract().header("ETag");
        assertNotEquals(alices, bobs);
        People.bob().queryParam("q", marker).header("If-None-Match", alices).get("/api/case-studies").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/case-studies", "/api/case-studies/{idOrSlug}"})
    void theApiDocumentDeclaresTheHeadersAndThe304AsServed(String path) {
        String read = "paths.'" + path + "'.get";
        People.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                // Once, though three methods (JSON, Markdown, HTML) make the one operation: Redocly refuses a repeat.
                .body(read + ".parameters.findAll { it.in == 'header' && it.name == 'If-None-Match' }.size()", equalTo(1))
                .body(read + ".responses.'200'.headers.keySet()", hasItems("ETag", "Cache-Control", "Vary"))
                .body(read + ".responses.'304'.headers.keySet()", containsInAnyOrder("ETag", "Cache-Control", "Vary"))
                .body(read + ".responses.'304'", not(hasKey("content")));
    }

    private static String slugOf(String id) {
        return People.anonymous().get("/api/case-studies/" + id).then().statusCode(200).extract().path("slug");
    }
}
