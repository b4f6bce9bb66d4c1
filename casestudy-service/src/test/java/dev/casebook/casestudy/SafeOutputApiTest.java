package dev.casebook.casestudy;

import dev.casebook.testing.People;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casebook.casestudy.markdown.HostileCaseStudy;
import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The output contract over HTTP: JSON holds the writer's text as written, the Markdown and HTML representations are
 * safe to render, and a diagram with a mermaid directive or a click is refused on every write.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class SafeOutputApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIRECTIVE = "%%{init: {\"securityLevel\": \"loose\"}}%%\ngraph TD\n    A --> B";
    private static final String CLICK = "graph TD\n    A --> B\n    click A href \"javascript:alert(1)\"";

    private static String hostile(String title) throws Exception {
        ObjectNode document = JSON.valueToTree(HostileCaseStudy.document());
        return JSON.writeValueAsString(document.put("title", title));
    }

    @Test
    void theJsonKeepsTheWritersTextAndMarkdownAndHtmlAreSafeToRender() throws Exception {
        String title = Documents.uniqueTitle("Hostile <script>alert(1)</script>");
        String id = CaseStudyApiTest.create(People.alice(), hostile(title)).path("id");

        People.alice().get("/api/case-studies/" + id).then()
                .statusCode(200)
                .body("title", equalTo(title))
                .body("summary", equalTo(HostileCaseStudy.document().summary()))
                .body("lessons.proseAfter", startsWith("[evil]: javascript:alert(1)"));

        String markdown = People.alice().accept("text/markdown").get("/api/case-studies/" + id).then()
                .statusCode(200)
                .header("ETag", "\"0-md\"")
                .extract().asString();
        assertThat(markdown, not(containsString("<script>alert"))); // the code example keeps its "<script>"
        assertThat(markdown, containsString("&lt;script>alert(1)&lt;/script>"));
        assertThat(markdown, HostileCaseStudy.unsafeParts(markdown), empty());
        assertThat(markdown, containsString("`List<String>`"));

        People.alice().accept("text/html").get("/api/case-studies/" + id).then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("ETag", "\"0-html\"")
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("X-Content-Type-Options", "nosniff")
                .body(startsWith("<h1>Case Study: Hostile &lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script")))
                .body(not(containsString("href=\"javascript")))
                .body(containsString("<pre><code class=\"language-java\">List&lt;String&gt; names = List.of(&quot;&lt;script&gt;&quot;);"))
                .body(containsString("<code>List&lt;String&gt;</code>"));
    }

    @Test
    void theHtmlRepresentationHasItsOwnETag() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.full(Documents.uniqueTitle("Tagged html"))).path("id");
        People.alice().accept("text/html").header("If-None-Match", "\"0-html\"").get("/api/case-studies/" + id).then()
                .statusCode(304)
                .header("ETag", "\"0-html\"");
        People.alice().accept("text/html").header("If-None-Match", "\"0-md\"").get("/api/case-studies/" + id).then()
                .statusCode(200)
                .body(containsString("<h2>Executive Summary</h2>"));
        People.alice().get("/api/case-studies/" + id).then().statusCode(200).contentType(ContentType.JSON).header("ETag", "\"0\"");
        People.anonymous().accept("text/html").get("/api/case-studies/" + id).then().statusCode(404);
    }

    @Test
    void theApiDocumentOffersTheThreeRepresentations() {
        People.anonymous().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths.'/api/case-studies/{idOrSlug}'.get.operationId", equalTo("readCaseStudy"))
                .body("paths.'/api/case-studies/{idOrSlug}'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/markdown;charset=UTF-8", "text/html;charset=UTF-8"));
    }

    @Test
    void aDirectiveOrAClickIsAFieldErrorOnCreate() throws Exception {
        refused(People.alice().contentType(ContentType.JSON).body(minimalWith("architecture", Map.of("diagram", DIRECTIVE)))
                .post("/api/case-studies").then(), "architecture.diagram", "mermaid directive");
        refused(People.alice().contentType(ContentType.JSON).body(minimalWith("challenge", Map.of("prose",
                        "Before.\n\n```mermaid\n" + CLICK + "\n```\n")))
                .post("/api/case-studies").then(), "challenge.prose", "'click' statement in a mermaid diagram, as its line 6 does");
    }

    @Test
    void aDirectiveOrAClickIsAFieldErrorOnReplaceAndPatchAndNothingIsSaved() throws Exception {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Diagram edits"))).path("id");
        refused(People.alice().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(minimalWith("deployment", Map.of("diagram", CLICK)))
                .put("/api/case-studies/" + id).then(), "deployment.diagram", "'click' statement");
        refused(People.alice().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"components\": {\"diagram\": " + JSON.writeValueAsString(DIRECTIVE) + "}}")
                .patch("/api/case-studies/" + id).then(), "components.diagram", "mermaid directive");
        refused(People.alice().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"codeExample\": {\"language\": \"mermaid\", \"code\": " + JSON.writeValueAsString(CLICK) + "}}")
                .patch("/api/case-studies/" + id).then(), "codeExample.code", "'click' statement");
        People.alice().get("/api/case-studies/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void theImportRefusesADirectiveOrAClickNamingSectionLineAndField() {
        String head = "# Case Study: " + Documents.uniqueTitle("Imported diagram") + "\n\n## Executive Summary\n\nFine.\n\n";
        People.alice().contentType("text/markdown").body(head + "## Solution Architecture\n\n```mermaid\n" + DIRECTIVE + "\n```\n")
                .post("/api/case-studies/import").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("section", equalTo("Solution Architecture"))
                .body("line", equalTo(7))
                .body("detail", containsString("Field 'architecture.diagram' must not hold a mermaid directive"))
                .body("errors[0].field", equalTo("architecture.diagram"));
        // a second diagram of a section stays prose, and is drawn all the same: the same rules hold
        People.alice().contentType("text/markdown").body(head + "## Solution Architecture\n\n```mermaid\ngraph TD\n    A --> B\n```\n\n"
                        + "```mermaid\n" + CLICK + "\n```\n")
                .post("/api/case-studies/import").then()
                .statusCode(422)
                .body("section", equalTo("Solution Architecture"))
                .body("errors[0].field", equalTo("architecture.proseAfter"))
                .body("errors[0].message", containsString("'click' statement in a mermaid diagram"));
    }

    @Test
    void frontMatterValuesThatBrokeTheYamlComeBackThroughTheImport() throws Exception {
        String name = "Evil \"Corp\"\n---\nslug: stolen: yes # no";
        String title = Documents.uniqueTitle("Front matter");
        String id = CaseStudyApiTest.create(People.alice(), minimalWith(title, "client", Map.of("name", name, "industry", "a: \"b\" ---"))).path("id");
        String markdown = People.alice().accept("text/markdown").queryParam("frontMatter", true).get("/api/case-studies/" + id).then()
                .statusCode(200).extract().asString();
        String copy = People.alice().contentType("text/markdown").body(markdown.replace("# Case Study: ", "# Case Study: Copy of ")
                        .replace("slug: \"", "slug: \"copy-of-"))
                .post("/api/case-studies/import").then().statusCode(201).extract().path("id");
        People.alice().get("/api/case-studies/" + copy).then()
                .body("client.name", equalTo(name))
                .body("client.industry", equalTo("a: \"b\" ---"));
    }

    private static void refused(ValidatableResponse answer, String field, String message) {
        answer.statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }

    private static String minimalWith(String section, Object value) throws Exception {
        return minimalWith(Documents.uniqueTitle("Diagrams"), section, value);
    }

    private static String minimalWith(String title, String section, Object value) throws Exception {
        return JSON.writeValueAsString(Map.of("title", title, "summary", "A short summary.", section, value));
    }
}
