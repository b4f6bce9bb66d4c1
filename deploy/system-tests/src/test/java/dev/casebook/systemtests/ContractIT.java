package dev.casebook.systemtests;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import dev.casebook.testing.Accounts;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;

/**
 * What the services answer is what the gateway's OpenAPI document says they answer: every response of a frontend's
 * whole story, good input and bad, is checked against the merged document with Atlassian's OpenAPI validator
 * (statuses, content types, headers and bodies). Requests are not judged: the bad ones are meant to be bad.
 */
@ExtendWith(RunningCasebook.class)
class ContractIT {

    private static OpenApiInteractionValidator validator;
    private final List<String> violations = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    @BeforeAll
    static void document() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                .build();
    }

    private final Filter contract = (request, response, context) -> {
        io.restassured.response.Response answer = context.next(request, response);
        ValidationReport report = validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(answer));
        String call = request.getMethod() + " " + request.getURI() + " → " + answer.statusCode();
        checked.add(call);
        report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> violations.add(call + ": " + message.getKey() + " " + message.getMessage()));
        return answer;
    };

    private RequestSpecification as(Accounts.Tokens who) {
        return given().filter(contract).auth().oauth2(who.accessToken());
    }

    private RequestSpecification anonymous() {
        return given().filter(contract);
    }

    @Test
    void everyAnswerOfTheStoryKeepsTheContract() {
        Accounts.Tokens admin = RunningCasebook.admin();
        Accounts.Tokens author = RunningCasebook.newUser("author");
        Accounts.Tokens editor = RunningCasebook.newUser("editor");
        String n = UUID.randomUUID().toString().substring(0, 8);

        // signing in
        anonymous().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "not-it")).post("/api/auth/login");
        anonymous().contentType(ContentType.JSON).body(Map.of("refreshToken", author.refreshToken())).post("/api/auth/refresh");
        anonymous().contentType(ContentType.JSON).body(Map.of("refreshToken", "unknown")).post("/api/auth/refresh");
        as(author).get("/api/auth/me");
        anonymous().get("/api/auth/me");
        anonymous().get("/api/auth/jwks");
        anonymous().get("/api/auth/roles");
        // users
        as(admin).get("/api/auth/users");
        as(author).get("/api/auth/users");
        as(admin).contentType(ContentType.JSON).body(Map.of("username", "viewer-" + n, "password", "correct-horse-" + n,
                "roles", List.of("viewer"))).post("/api/auth/users");
        as(admin).contentType(ContentType.JSON).body(Map.of("username", "")).post("/api/auth/users");

        // case studies
        String id = as(author).contentType(ContentType.JSON).body(Map.of("title", "Contract " + n, "summary", "Checked against the document."))
                .post("/api/case-studies").then().statusCode(201).extract().path("id");
        as(author).contentType(ContentType.JSON).body(Map.of("title", "")).post("/api/case-studies");
        // retried with an Idempotency-Key: the first answer again, another request with the key, a malformed key
        String key = "contract-" + n;
        for (int i = 0; i < 2; i++) {
            as(author).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(Map.of("title", "Keyed " + n, "summary", "Sent twice.")).post("/api/case-studies");
        }
        as(author).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("title", "Another " + n, "summary", "Same key.")).post("/api/case-studies");
        as(author).header("Idempotency-Key", "has a space").contentType(ContentType.JSON)
                .body(Map.of("title", "Bad key " + n, "summary", "Refused.")).post("/api/case-studies");
        anonymous().contentType(ContentType.JSON).body(Map.of("title", "t", "summary", "s")).post("/api/case-studies");
        String etag = as(author).get("/api/case-studies/" + id).then().statusCode(200).extract().header("ETag");
        as(author).header("If-None-Match", etag).get("/api/case-studies/" + id);
        as(author).accept("text/markdown").get("/api/case-studies/" + id);
        anonymous().queryParam("q", "contract").get("/api/case-studies");
        anonymous().queryParam("size", 1000).get("/api/case-studies");
        as(author).contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("summary", "Edited."))
                .patch("/api/case-studies/" + id);
        as(author).contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("summary", "Stale."))
                .patch("/api/case-studies/" + id);
        as(author).contentType("application/merge-patch+json").body(Map.of("summary", "No If-Match.")).patch("/api/case-studies/" + id);
        anonymous().get("/api/case-studies/no-such-case-study-" + n);
        as(author).get("/api/case-studies/" + id + "/revisions");
        as(author).get("/api/case-studies/" + id + "/revisions/0");
        anonymous().get("/api/case-studies/template");
        anonymous().get("/api/case-studies/asyncapi");
        as(author).contentType("text/markdown").body("# Case Study: Imported " + n + "\n\n## Executive Summary\n\nFrom Markdown.\n")
                .post("/api/case-studies/import");
        as(author).contentType("text/markdown").body("No title here.\n").post("/api/case-studies/import");
        // a whole document, every section with its prose, as JSON
        String full = as(author).contentType("text/markdown").body(corpusDocument("07-prose-sections.md", n))
                .post("/api/case-studies/import").then().statusCode(201).extract().path("id");
        as(author).get("/api/case-studies/" + full);

        // metrics and samples
        Accounts.untilNotBusy(() -> as(author).contentType(ContentType.JSON)
                .body(Map.of("rows", List.of(Map.of("name", "Response Time", "before", 850, "after", 120),
                        // no baseline: its improvement and every statistic of it are null
                        Map.of("name", "Incidents " + n, "unit", "per month", "before", 0, "after", 2, "better", "LOWER"))))
                .put("/api/metrics/case-studies/" + id), RunningCasebook.PATIENCE);
        as(author).get("/api/metrics/case-studies/" + id);
        as(author).contentType(ContentType.JSON).body(Map.of("rows", List.of(Map.of("name", "Response Time", "before", -1, "after", 45))))
                .put("/api/metrics/case-studies/" + id);
        as(author).contentType(ContentType.JSON).body(List.of(Map.of("metric", "Response Time", "phase", "BEFORE", "value", 120.5)))
                .post("/api/metrics/case-studies/" + id + "/samples");
        as(author).get("/api/metrics/case-studies/" + id + "/samples/summary");
        anonymous().get("/api/metrics/catalog");

        // the workflow, and the analytics it feeds
        as(author).post("/api/case-studies/" + id + "/submit");
        as(author).post("/api/case-studies/" + id + "/submit");
        as(editor).post("/api/case-studies/" + id + "/publish");
        anonymous().get("/api/case-studies/" + id);
        anonymous().get("/api/metrics/analytics/summary");
        anonymous().get("/api/metrics/analytics/by-industry");
        anonymous().get("/api/metrics/analytics/by-technology");
        anonymous().queryParam("metric", "Response Time").get("/api/metrics/analytics/top");
        anonymous().get("/api/metrics/analytics/top");
        as(editor).post("/api/case-studies/" + id + "/unpublish");
        as(editor).post("/api/case-studies/" + id + "/archive");
        as(author).delete("/api/case-studies/" + id);
        as(admin).delete("/api/case-studies/" + id);

        assertThat(String.join("\n", violations), violations, empty());
        assertThat("every call of the story went through the validator", checked, hasSize(54));
    }

    /** A case study of casestudy-service's Markdown corpus, with a title of its own for this run. */
    private static String corpusDocument(String file, String n) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("../../casestudy-service/src/test/resources/corpus", file))
                    .replaceFirst("# Case Study: ", "# Case Study: " + n + " ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
