package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ListingTest {

    // One word that only this test class uses, so that other tests' case studies do not count.
    private static final String MARKER = "zebra" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");

    private static String create(String title, String industry, String tag, String backend) {
        String body = Documents.full(title)
                .replace("\"industry\": \"Retail\"", "\"industry\": \"" + industry + "\"")
                .replace("\"tags\": [\"checkout\", \"event-driven\"]", "\"tags\": [\"" + tag + "\", \"" + MARKER + "\"]")
                .replace("\"backend\": [\"Java 17\", \"Quarkus\"]", "\"backend\": [\"" + backend + "\"]");
        return CaseStudyApiTest.create(People.alice(), body).path("id");
    }

    private static boolean seeded;

    @BeforeEach
    void aFewCaseStudies() {
        if (seeded) {
            return;
        }
        seeded = true;
        String retail = create("Alpha " + MARKER + " inventory sync", "Retail", "inventory", "Go");
        String bank = create("Bravo " + MARKER + " ledger", "Banking", "ledger", "Kotlin");
        create("Charlie " + MARKER + " draft only", "Retail", "inventory", "Go");
        for (String id : new String[] {retail, bank}) {
            People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
            People.eve().post("/api/case-studies/" + id + "/publish").then().statusCode(200);
        }
    }

    @Test
    void anonymousCallersListOnlyPublishedCaseStudies() {
        People.anonymous().queryParam("tag", MARKER).get("/api/case-studies").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.status", everyItem(equalTo("PUBLISHED")))
                .body("items.title", not(hasItem(containsString("draft only"))));
    }

    @Test
    void editorsListEveryCaseStudy() {
        People.eve().queryParam("tag", MARKER).get("/api/case-studies").then().body("total", equalTo(3));
    }

    @Test
    void authorsListTheirOwnDraftsAndOthersPublishedWork() {
        People.alice().queryParam("tag", MARKER).get("/api/case-studies").then().body("total", equalTo(3));
        People.bob().queryParam("tag", MARKER).get("/api/case-studies").then().body("total", equalTo(2));
    }

    @Test
    void filtersCombine() {
        People.eve().queryParam("tag", MARKER).queryParam("industry", "retail").queryParam("tech", "go")
                .queryParam("status", "PUBLISHED")
                .get("/api/case-studies").then()
                .body("total", equalTo(1))
                .body("items[0].title", containsString("Alpha"))
                .body("items[0].tags", hasItem("inventory"))
                .body("items[0].excerpt", containsString("Black Friday"));
    }

    @Test
    void fullTextSearchFindsWordsInAnySectionAndRanksTitlesFirst() {
        People.anonymous().queryParam("q", "ledger " + MARKER).get("/api/case-studies").then()
                .body("items.title", contains(containsString("Bravo")));
        // "idempotent" only appears in the final solution of a challenge
        People.anonymous().queryParam("q", "idempotent").queryParam("tag", MARKER).get("/api/case-studies").then()
                .body("total", equalTo(2));
    }

    @Test
    void sortingAndPagingWithLinks() {
        People.eve().queryParam("tag", MARKER).queryParam("sort", "-title").queryParam("size", 2)
                .get("/api/case-studies").then()
                .body("items", hasSize(2))
                .body("items.title", contains(containsString("Charlie"), containsString("Bravo")))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(3))
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("page=1"));
        People.eve().queryParam("tag", MARKER).queryParam("sort", "title").queryParam("size", 2).queryParam("page", 1)
                .get("/api/case-studies").then()
                .body("items.title", contains(containsString("Charlie")))
                .header("Link", containsString("rel=\"prev\""));
    }

    @Test
    void summariesAreNotWholeDocuments() {
        People.anonymous().queryParam("tag", MARKER).get("/api/case-studies").then()
                .body("items[0].challenge", nullValue())
                .body("items[0].techStack", nullValue());
    }

    @Test
    void badListingParametersAreNamed() {
        People.anonymous().queryParam("sort", "popularity").get("/api/case-studies").then()
                .statusCode(400).body("errors[0].field", equalTo("sort"));
        People.anonymous().queryParam("page", -1).get("/api/case-studies").then()
                .statusCode(400).body("errors[0].field", equalTo("page"));
        People.anonymous().queryParam("size", 100000).get("/api/case-studies").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
        People.anonymous().queryParam("status", "LIVE").get("/api/case-studies").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
        People.anonymous().queryParam("page", "first").get("/api/case-studies").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
