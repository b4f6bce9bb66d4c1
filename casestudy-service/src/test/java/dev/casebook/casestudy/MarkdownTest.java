package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class MarkdownTest {

    private static final String GOLDEN_TITLE = "Checkout Rewrite";

    private static String markdownOf(String id) {
        return People.alice().accept("text/markdown").get("/api/case-studies/" + id).then()
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .extract().asString();
    }

    private static String withFrontMatter(String id) {
        return People.alice().accept("text/markdown").queryParam("frontMatter", true).get("/api/case-studies/" + id).then()
                .statusCode(200)
                .extract().asString();
    }

    private static String importMarkdown(String markdown) {
        return People.alice().contentType("text/markdown").body(markdown).post("/api/case-studies/import").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void aCaseStudyRendersInTheTemplatesOrderAndHeadings() throws Exception {
        String id = CaseStudyApiTest.create(People.alice(), Documents.full(GOLDEN_TITLE).replace(
                "\"title\": \"" + GOLDEN_TITLE + "\",", "\"title\": \"" + GOLDEN_TITLE + "\", \"slug\": \"golden-checkout-rewrite\",")).path("id");
        String golden = Files.readString(Path.of("src/test/resources/golden/checkout-rewrite.md"));
        assertThat(markdownOf(id), equalTo(golden));
    }

    @Test
    void theMarkdownRepresentationHasItsOwnETag() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Tagged md"))).path("id");
        People.alice().accept("text/markdown").get("/api/case-studies/" + id).then().header("ETag", "\"0-md\"");
        People.alice().accept("text/markdown").header("If-None-Match", "\"0-md\"").get("/api/case-studies/" + id).then().statusCode(304);
    }

    @Test
    void importingTheMarkdownOfACaseStudyAndRenderingItAgainGivesTheSameMarkdown() {
        String original = CaseStudyApiTest.create(People.alice(), Documents.full(Documents.uniqueTitle("Round trip"))).path("id");
        String markdown = withFrontMatter(original);
        // the slug is taken by the original; the copy gets its own
        String copy = importMarkdown(markdown.replaceFirst("slug: \"round-trip-", "slug: \"copy-of-round-trip-"));
        assertThat(withFrontMatter(copy), equalTo(markdown.replaceFirst("slug: \"round-trip-", "slug: \"copy-of-round-trip-")));
        People.alice().get("/api/case-studies/" + copy).then()
                .body("challenges[0].approaches[0].cons[1]", equalTo("Slow"))
                .body("challenges[0].diagram", org.hamcrest.Matchers.nullValue())
                .body("deployment.stages[2]", equalTo("Staging"))
                .body("techStack.testing[1]", equalTo("REST Assured"))
                .body("tags[1]", equalTo("event-driven"));
    }

    @Test
    void theEmptyTemplateIsNotACaseStudyYetAndTheFirstUnfilledSectionIsNamed() {
        String template = People.anonymous().get("/api/case-studies/template").then().extract().asString();
        People.alice().contentType("text/markdown").body(template).post("/api/case-studies/import").then()
                .statusCode(422)
                .body("section", equalTo("Business Challenge"))
                .body("detail", containsString("'Technical context:'"));
    }

    @Test
    void aSectionThatIsNotInTheTemplateIsNamed() {
        String markdown = "# Case Study: Odd\n\n## Executive Summary\n\nFine.\n\n## Team Photos\n\nNope.\n";
        People.alice().contentType("text/markdown").body(markdown).post("/api/case-studies/import").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("section", equalTo("Team Photos"))
                .body("detail", containsString("Team Photos"));
    }

    @Test
    void markdownWithoutTheTemplatesTitleIsRefused() {
        People.alice().contentType("text/markdown").body("Just some notes.\n").post("/api/case-studies/import").then()
                .statusCode(422)
                .body("section", equalTo("title"));
    }

    @Test
    void aMalformedSectionIsNamedAndNothingIsSaved() {
        String markdown = "# Case Study: Half saved\n\n## Executive Summary\n\nFine.\n\n## Solution Architecture\n\n```plantuml\nA -> B\n```\n";
        People.alice().contentType("text/markdown").body(markdown).post("/api/case-studies/import").then()
                .statusCode(422)
                .body("section", equalTo("Solution Architecture"))
                .body("line", equalTo(9));
        People.alice().queryParam("q", "\"Half saved\"").get("/api/case-studies").then().body("total", equalTo(0));
    }

    @Test
    void onlyMarkdownIsImported() {
        People.alice().contentType(ContentType.JSON).body("{}").post("/api/case-studies/import").then().statusCode(415);
    }
}
