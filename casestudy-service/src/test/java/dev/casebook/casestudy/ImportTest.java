package dev.casebook.casestudy;

import dev.casebook.casestudy.markdown.AdversarialMarkdown;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Importing Markdown as a writer does, through the API: what is kept, what is said about it, what comes back. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ImportTest {

    private static String corpus(String file) throws Exception {
        // Each import needs a title of its own, so that slugs do not collide between runs of one test.
        return Files.readString(Path.of("src/test/resources/corpus", file))
                .replaceFirst("# Case Study: ", "# Case Study: " + UUID.randomUUID().toString().substring(0, 8) + " ");
    }

    private static String markdownOf(String id) {
        return People.alice().accept("text/markdown").get("/api/case-studies/" + id).then().statusCode(200).extract().asString();
    }

    @Test
    void aDocumentWrittenLiterallyInTheTemplateKeepsEverySection() throws Exception {
        Response answer = People.alice().contentType("text/markdown").body(corpus("01-template-literal.md"))
                .post("/api/case-studies/import");
        answer.then().statusCode(201)
                .contentType(equalTo("application/json;charset=UTF-8")) // as every other JSON answer
                .body("challenge.painPoints[0]", notNullValue())
                .body("challenge.limitations[0]", notNullValue())
                .body("results.technicalMetrics[0]", notNullValue())
                .body("results.roi[0]", notNullValue())
                .body("lessons.insights[0]", notNullValue())
                .body("lessons.decisions[0]", notNullValue())
                .body("challengesOverview.diagram", startsWith("graph TD"))
                .body("deployment.diagram", startsWith("flowchart LR"))
                .body("importNotes", empty())
                // the table is on the case study as soon as the import answers
                .body("metrics.name", equalTo(java.util.List.of("Response Time", "Throughput", "Error Rate")));
        String id = answer.path("id");
        People.alice().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(3));
    }

    @Test
    void theMarkdownComesBackWithoutFrontMatterAndImportsToTheSameMarkdown() throws Exception {
        String id = People.alice().contentType("text/markdown").body(corpus("07-prose-sections.md"))
                .post("/api/case-studies/import").then().statusCode(201).extract().path("id");
        String first = markdownOf(id);
        assertThat(first, startsWith("# Case Study: "));
        String again = People.alice().contentType("text/markdown").body(first.replaceFirst("# Case Study: ", "# Case Study: Again "))
                .post("/api/case-studies/import").then().statusCode(201).extract().path("id");
        assertThat(markdownOf(again), equalTo(first.replaceFirst("# Case Study: ", "# Case Study: Again ")));
    }

    @Test
    void theFrontMatterFormIsThereForWhoAsksForIt() throws Exception {
        String id = People.alice().contentType("text/markdown").body(corpus("10-front-matter.md").replaceFirst("slug: (.*)", "slug: fm-" + UUID.randomUUID()))
                .post("/api/case-studies/import").then().statusCode(201).extract().path("id");
        People.alice().accept("text/markdown").queryParam("frontMatter", true).get("/api/case-studies/" + id).then()
                .statusCode(200)
                .header("ETag", containsString("-md-fm"))
                .body(startsWith("---\nslug: \"fm-"));
    }

    @Test
    void whatStaysProseIsSaidSectionBySection() throws Exception {
        People.alice().contentType("text/markdown").body(corpus("08-plain-items.md")).post("/api/case-studies/import").then()
                .statusCode(201)
                .body("importNotes.section", hasItem("Business Challenge"))
                .body("importNotes[0].line", greaterThanOrEqualTo(1))
                .body("importNotes[0].note", containsString("kept as prose"))
                .body("challenge.proseAfter", containsString("Orders timed out at peak"));
    }

    @Test
    void whatIsNotTheTemplateIsA422NamingSectionAndLine() {
        String markdown = "# Case Study: Out of order " + UUID.randomUUID() + "\n\n## Executive Summary\n\nx\n\n## Lessons Learned\n\n- Technical insights: y\n\n"
                + "## Code Example\n\n```java\nx();\n```\n";
        People.alice().contentType("text/markdown").body(markdown).post("/api/case-studies/import").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("section", equalTo("Code Example"))
                .body("line", equalTo(11))
                .body("requestId", notNullValue());
    }

    @TestFactory
    Stream<DynamicTest> hostileMarkdownGetsA201OrA4xxProblemNeverA5xx() {
        Stream<String[]> worst = AdversarialMarkdown.knownWorst().stream();
        Stream<String[]> generated = LongStream.range(0, 40).mapToObj(seed -> new String[] {"seed " + seed, AdversarialMarkdown.generated(seed, seed % 2 == 0)});
        return Stream.concat(worst, generated).map(doc -> DynamicTest.dynamicTest(doc[0], () -> {
            Response answer = People.alice().contentType("text/markdown; charset=UTF-8").body(doc[1]).post("/api/case-studies/import");
            assertThat(answer.statusCode(), anyOf(equalTo(201), both(greaterThanOrEqualTo(400)).and(lessThan(500))));
            if (answer.statusCode() != 201) {
                assertThat(answer.contentType(), startsWith("application/problem+json"));
                assertThat(answer.body().asString(), not(containsString("Exception")));
            }
        }));
    }
}
