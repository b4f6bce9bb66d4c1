package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
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

    @Test
    void aCursorPagesThroughEveryCaseStudyOnceInTheSameOrderAsPageNumbers() {
        for (String sort : new String[] {null, "title", "-title", "publishedAt", "-publishedAt", "updatedAt", "-updatedAt"}) {
            List<String> whole = listing(sort, null).queryParam("size", 100).get("/api/case-studies").then()
                    .statusCode(200).extract().path("items.id");
            assertEquals(3, whole.size(), "sort " + sort);
            assertEquals(whole, pagedByCursor(sort, null), "sort " + sort);
        }
        // Anonymous callers list published copies only, whose publishedAt is never null: the cursor's other form.
        for (String sort : new String[] {"publishedAt", "-publishedAt"}) {
            List<String> published = People.anonymous().queryParam("tag", MARKER).queryParam("sort", sort).get("/api/case-studies")
                    .then().extract().path("items.id");
            assertEquals(2, published.size(), "sort " + sort);
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> first = People.anonymous()
                    .queryParam("tag", MARKER).queryParam("sort", sort).queryParam("size", 1).get("/api/case-studies").then().extract();
            List<String> paged = new ArrayList<>(first.<List<String>>path("items.id"));
            String cursor = first.path("nextCursor");
            paged.addAll(People.anonymous().queryParam("tag", MARKER).queryParam("sort", sort).queryParam("size", 1)
                    .queryParam("cursor", cursor).get("/api/case-studies").then().statusCode(200).extract().path("items.id"));
            assertEquals(published, paged, "sort " + sort);
        }
        // Ranked search orders by a float, which the cursor carries exactly.
        List<String> ranked = listing(null, "idempotent").queryParam("size", 100).get("/api/case-studies").then()
                .extract().path("items.id");
        assertEquals(3, ranked.size());
        assertEquals(ranked, pagedByCursor(null, "idempotent"));
    }

    @Test
    void aCursorPageLinksToTheNextByCursorAndTheLastHasNone() {
        String next = listing("title", null).queryParam("size", 2).get("/api/case-studies").then()
                .body("items.title", contains(containsString("Alpha"), containsString("Bravo")))
                .extract().path("nextCursor");
        assertNotNull(next);
        listing("title", null).queryParam("size", 2).queryParam("cursor", next).get("/api/case-studies").then()
                .statusCode(200)
                .body("items.title", contains(containsString("Charlie")))
                .body("total", equalTo(3))
                .body("$", not(hasKey("nextCursor")))
                .header("Link", containsString("rel=\"first\""))
                .header("Link", not(containsString("rel=\"next\"")))
                .header("Link", not(containsString("page=")));
        listing("title", null).queryParam("size", 1).get("/api/case-studies").then()
                .header("Link", containsString("rel=\"next\""));
        String first = listing("title", null).queryParam("size", 1).get("/api/case-studies").then().extract().path("nextCursor");
        listing("title", null).queryParam("size", 1).queryParam("cursor", first).get("/api/case-studies").then()
                .header("Link", containsString("cursor="))
                .header("Link", containsString("rel=\"next\""));
    }

    @Test
    void aCaseStudyAddedBeforeTheCursorDoesNotShiftTheNextPage() {
        String tag = MARKER + "shift";
        String older = createTagged("Older " + MARKER, tag);
        String newer = createTagged("Newer " + MARKER, tag);
        String cursor = People.eve().queryParam("tag", tag).queryParam("size", 1).get("/api/case-studies").then()
                .body("items.id", contains(newer)).extract().path("nextCursor");
        createTagged("Newest " + MARKER, tag);
        // A page number now shows the newer one again; the cursor goes on where the page ended.
        People.eve().queryParam("tag", tag).queryParam("size", 1).queryParam("page", 1).get("/api/case-studies").then()
                .body("items.id", contains(newer));
        People.eve().queryParam("tag", tag).queryParam("size", 1).queryParam("cursor", cursor).get("/api/case-studies").then()
                .statusCode(200)
                .body("items.id", contains(older))
                .body("$", not(hasKey("nextCursor")));
    }

    @Test
    void cursorsThisListingDidNotGiveOutAreFieldErrors() {
        String titleCursor = listing("title", null).queryParam("size", 1).get("/api/case-studies").then().extract().path("nextCursor");
        String id = UUID.randomUUID().toString();
        // What is refused, the sort it is sent with (so that each is refused for its own fault), the cursor.
        String[][] refused = {
                {"not base64", null, "%%%"},
                {"not a cursor", null, token("hello")},
                {"another order", null, titleCursor},
                {"an unknown order", null, token("1\npopularity\n" + id + "\n=1")},
                {"another version", "title", token("2\ntitle\n" + id + "\n=a")},
                {"not an id", null, token("1\n-updatedAt\nnot-an-id\n=2026-12-01T00:00:00Z")},
                {"not a time", null, token("1\n-updatedAt\n" + id + "\n=yesterday")},
                {"a time PostgreSQL cannot hold", null, token("1\n-updatedAt\n" + id + "\n=+999999-01-01T00:00:00Z")},
                {"a title with a NUL", "title", token("1\ntitle\n" + id + "\n=a\u0000b")},
                {"a value without its mark", "title", token("1\ntitle\n" + id + "\na")}};
        for (String[] refusal : refused) {
            io.restassured.specification.RequestSpecification request = People.anonymous().queryParam("tag", MARKER)
                    .queryParam("cursor", refusal[2]);
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> answer =
                    (refusal[1] == null ? request : request.queryParam("sort", refusal[1])).get("/api/case-studies").then().extract();
            assertEquals(400, answer.statusCode(), refusal[0]);
            assertEquals("application/problem+json", answer.contentType(), refusal[0]);
            assertEquals("cursor", answer.path("errors[0].field"), refusal[0]);
            assertNotNull(answer.path("requestId"), refusal[0]);
        }
        People.anonymous().queryParam("tag", MARKER).queryParam("q", "idempotent")
                .queryParam("cursor", token("1\nrank\n" + id + "\n=NaN")).get("/api/case-studies").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        People.anonymous().queryParam("tag", MARKER).queryParam("sort", "title").queryParam("cursor", titleCursor)
                .queryParam("page", 2).get("/api/case-studies").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        // A well-made cursor of one's own is no secret: it is only a place in the order.
        People.anonymous().queryParam("tag", MARKER).queryParam("sort", "title")
                .queryParam("cursor", token("1\ntitle\n" + id + "\n=b")).get("/api/case-studies").then()
                .statusCode(200).body("items.title", contains(containsString("Bravo")));
    }

    private static io.restassured.specification.RequestSpecification listing(String sort, String q) {
        io.restassured.specification.RequestSpecification request = People.eve().queryParam("tag", MARKER);
        if (sort != null) {
            request = request.queryParam("sort", sort);
        }
        return q == null ? request : request.queryParam("q", q);
    }

    private static List<String> pagedByCursor(String sort, String q) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            io.restassured.specification.RequestSpecification request = listing(sort, q).queryParam("size", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> page =
                    request.get("/api/case-studies").then().statusCode(200).extract();
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && ids.size() < 10);
        return ids;
    }

    private static String createTagged(String title, String tag) {
        return CaseStudyApiTest.create(People.alice(), Documents.full(title)
                .replace("\"tags\": [\"checkout\", \"event-driven\"]", "\"tags\": [\"" + tag + "\"]")).path("id");
    }

    private static String token(String parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(parts.getBytes(StandardCharsets.UTF_8));
    }
}
