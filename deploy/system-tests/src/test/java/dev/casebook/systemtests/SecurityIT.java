package dev.casebook.systemtests;

import dev.casebook.devstack.KafkaAccounts;
import dev.casebook.testing.Accounts;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The OWASP API Security Top 10 (2023), item by item, against the running stack through the gateway: for each, the
 * request an attacker sends and the answer Casebook gives. Nothing here gets a 5xx. The tokens an attacker forges
 * are in {@link AuthenticationIT} and revocation in {@link RevocationIT}; this walk names them where their item is.
 * Events forged by someone with a login but no rights are refused by the broker here; that consumers dead-letter an
 * event not from its owner is tested in each consumer's module (ProjectionTest, MetricsCopyTest).
 */
@ExtendWith(RunningCasebook.class)
class SecurityIT {

    private static final Duration SOON = Duration.ofSeconds(30);

    private static String draftOf(Accounts.Tokens author) {
        return author.request().contentType(ContentType.JSON)
                .body(Map.of("title", "Owned " + UUID.randomUUID().toString().substring(0, 8), "summary", "Not yours."))
                .post("/api/case-studies").then().statusCode(201).extract().path("id");
    }

    private static String etagOf(Accounts.Tokens who, String id) {
        return who.request().get("/api/case-studies/" + id).then().statusCode(200).extract().header("ETag");
    }

    // API1:2023 Broken Object Level Authorization

    @Test
    void api1_anotherAuthorCanNeitherReadNorChangeADraftNorItsMetricsNorItsRevisions() {
        Accounts.Tokens alice = RunningCasebook.newUser("author");
        Accounts.Tokens mallory = RunningCasebook.newUser("author");
        String draft = draftOf(alice);
        String etag = etagOf(alice, draft);

        // A draft someone may not see is not there for them: the answer never tells whether it exists.
        assertProblem(mallory.request().get("/api/case-studies/" + draft).then(), 404);
        assertProblem(mallory.request().get("/api/case-studies/" + draft + "/revisions").then(), 404);
        assertProblem(mallory.request().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"summary\": \"Mine now.\"}").patch("/api/case-studies/" + draft).then(), 404);
        assertProblem(mallory.request().delete("/api/case-studies/" + draft).then(), 404);
        assertProblem(mallory.request().post("/api/case-studies/" + draft + "/submit").then(), 404);
        await().atMost(SOON).untilAsserted(() ->
                alice.request().get("/api/metrics/case-studies/" + draft).then().statusCode(200));
        assertProblem(mallory.request().get("/api/metrics/case-studies/" + draft).then(), 404);
        assertProblem(mallory.request().contentType(ContentType.JSON)
                .body("{\"rows\": [{\"name\": \"Response Time\", \"before\": 1, \"after\": 1000}]}")
                .put("/api/metrics/case-studies/" + draft).then(), 404);
        assertProblem(RunningCasebook.newUser("viewer").request().get("/api/case-studies/" + draft).then(), 404);

        alice.request().get("/api/case-studies/" + draft).then().statusCode(200).body("summary", equalTo("Not yours."));
    }

    @Test
    void api1_aUserCanReadOnlyThemselvesAndNoOtherUser() {
        Accounts.Tokens mallory = RunningCasebook.newUser("editor");
        String adminId = RunningCasebook.admin().request().get("/api/auth/me").then().statusCode(200).extract().path("id");
        assertProblem(mallory.request().get("/api/auth/users/" + adminId).then(), 403);
        mallory.request().get("/api/auth/me").then().statusCode(200).body("roles", equalTo(List.of("editor")));
    }

    // API2:2023 Broken Authentication (bad tokens: AuthenticationIT; tokens kept after a change: RevocationIT)

    @Test
    void api2_guessingPasswordsGetsTheGuesser429WithRetryAfterAndNeverSaysWhichUsernamesExist() {
        String username = Accounts.uniqueName("target");
        Accounts.createUser(RunningCasebook.admin().request(), username, "the-real-password-" + UUID.randomUUID(), "author")
                .then().statusCode(201);
        Response unknown = Accounts.login(Accounts.uniqueName("nobody"), "wrong-password-1");
        Response wrong = Accounts.login(username, "wrong-password-1");
        assertProblem(unknown.then(), 401);
        assertProblem(wrong.then(), 401).body("detail", equalTo(unknown.path("detail")));

        Response refused = null;
        for (int attempt = 0; attempt < 20 && (refused == null || refused.statusCode() != 429); attempt++) {
            refused = Accounts.login(username, "wrong-password-" + attempt);
            assertThat(refused.statusCode(), lessThan(500));
        }
        assertProblem(refused.then(), 429).header("Retry-After", notNullValue());
    }

    @Test
    void api2_tokensTravelOnlyInTheAuthorizationHeaderAndAreNeverCached() {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        given().queryParam("access_token", author.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("title", "By query", "summary", "Tokens in URLs end up in logs."))
                .post("/api/case-studies").then().statusCode(401);
        Accounts.login("admin", RunningCasebook.adminPassword()).then().statusCode(200)
                .header("Cache-Control", "no-store");
    }

    // API3:2023 Broken Object Property Level Authorization

    @Test
    void api3_aClientCannotSetWhatOnlyCasebookSets() {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        for (String field : List.of("\"status\": \"PUBLISHED\"", "\"authorId\": \"" + UUID.randomUUID() + "\"",
                "\"version\": 99", "\"publishedAt\": \"2020-01-01T00:00:00Z\"")) {
            assertProblem(author.request().contentType(ContentType.JSON)
                    .body("{\"title\": \"Mass assignment\", \"summary\": \"s\", " + field + "}")
                    .post("/api/case-studies").then(), 400);
        }
        Accounts.Tokens admin = RunningCasebook.admin();
        assertProblem(admin.request().contentType(ContentType.JSON)
                .body("{\"username\": \"" + Accounts.uniqueName("hash") + "\", \"password\": \"a long enough password\","
                        + " \"roles\": [\"viewer\"], \"passwordHash\": \"$2a$04$x\"}")
                .post("/api/auth/users").then(), 400);
    }

    @Test
    void api3_noAnswerCarriesAPasswordHashOrAnotherUsersSecret() {
        String users = RunningCasebook.admin().request().get("/api/auth/users?size=100").then().statusCode(200).extract().asString();
        assertThat(users, not(containsString("$2")));
        assertThat(users.toLowerCase(), not(containsString("password")));
        assertThat(users.toLowerCase(), not(containsString("refresh")));
    }

    // API4:2023 Unrestricted Resource Consumption

    @Test
    void api4_everyRequestIsBounded() {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        assertProblem(given().queryParam("size", 1000).get("/api/case-studies").then(), 400);
        // (A far page, ?page=2147483647, is an empty 200: it costs what the last page costs. #15 replaces deep offsets.)
        assertProblem(given().queryParam("q", "x".repeat(1000)).get("/api/case-studies").then(), 400);
        assertProblem(author.request().contentType(ContentType.JSON)
                .body("{\"title\": \"Big\", \"summary\": \"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/case-studies").then(), 413);
        assertProblem(author.request().contentType("text/markdown").body("# " + "x".repeat(1_100_000))
                .post("/api/case-studies/import").then(), 413);
        String tooDeep = "[".repeat(5_000) + "]".repeat(5_000);
        assertProblem(author.request().contentType(ContentType.JSON).body(tooDeep).post("/api/case-studies").then(), 400);
        String draft = draftOf(author);
        await().atMost(SOON).untilAsserted(() ->
                author.request().get("/api/metrics/case-studies/" + draft).then().statusCode(200));
        StringBuilder samples = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            samples.append(i == 0 ? "" : ",").append("{\"metric\":\"Response Time\",\"phase\":\"BEFORE\",\"value\":1}");
        }
        assertProblem(author.request().contentType(ContentType.JSON).body(samples.append("]").toString())
                .post("/api/metrics/case-studies/" + draft + "/samples").then(), 400);
    }

    // API5:2023 Broken Function Level Authorization

    @Test
    void api5_eachRoleGetsOnlyItsFunctions() {
        Accounts.Tokens viewer = RunningCasebook.newUser("viewer");
        Accounts.Tokens author = RunningCasebook.newUser("author");
        String draft = draftOf(author);
        assertProblem(viewer.request().contentType(ContentType.JSON)
                .body(Map.of("title", "A viewer writes", "summary", "s")).post("/api/case-studies").then(), 403);
        assertProblem(author.request().get("/api/auth/users").then(), 403);
        assertProblem(author.request().contentType(ContentType.JSON).body(Map.of("roles", List.of("admin")))
                .put("/api/auth/users/" + idOf(author) + "/roles").then(), 403);
        assertProblem(author.request().post("/api/auth/users/" + idOf(author) + "/enable").then(), 403);
        author.request().post("/api/case-studies/" + draft + "/submit").then().statusCode(200);
        assertProblem(author.request().post("/api/case-studies/" + draft + "/publish").then(), 403);
        // Methods a route does not have are refused, not passed on.
        assertProblem(author.request().put("/api/auth/users").then(), 405);
    }

    // API6:2023 Unrestricted Access to Sensitive Business Flows

    @Test
    void api6_publishedNumbersChangeOnlyThroughReview() {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        Accounts.Tokens editor = RunningCasebook.newUser("editor");
        String id = draftOf(author);
        await().atMost(SOON).untilAsserted(() -> author.request().contentType(ContentType.JSON)
                .body("{\"rows\": [{\"name\": \"Response Time\", \"before\": 200, \"after\": 100}]}")
                .put("/api/metrics/case-studies/" + id).then().statusCode(200));
        author.request().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        editor.request().post("/api/case-studies/" + id + "/publish").then().statusCode(200);
        await().atMost(SOON).untilAsserted(() -> given().get("/api/metrics/case-studies/" + id).then()
                .statusCode(200).body("rows[0].after", equalTo(100)));

        // The author edits the published case study (a new draft) and sets dream numbers.
        author.request().contentType("application/merge-patch+json").header("If-Match", etagOf(author, id))
                .body("{\"summary\": \"Even better.\"}").patch("/api/case-studies/" + id).then().statusCode(200);
        await().atMost(SOON).untilAsserted(() -> author.request().contentType(ContentType.JSON)
                .body("{\"rows\": [{\"name\": \"Response Time\", \"before\": 200, \"after\": 1}]}")
                .put("/api/metrics/case-studies/" + id).then().statusCode(200));

        // The public still reads the reviewed numbers, in the metrics API and on the case study.
        given().get("/api/metrics/case-studies/" + id).then().statusCode(200).body("rows[0].after", equalTo(100));
        given().get("/api/case-studies/" + id).then().statusCode(200).body("metrics[0].after", equalTo(100));
        author.request().get("/api/metrics/case-studies/" + id).then().statusCode(200).body("rows[0].after", equalTo(1));
    }

    // API7:2023 Server Side Request Forgery

    @Test
    void api7_casebookNeverFetchesAnAddressAClientGivesIt() throws IOException {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        try (ServerSocket bait = new ServerSocket(0)) {
            String url = "http://127.0.0.1:" + bait.getLocalPort() + "/steal";
            String markdown = "# Case Study: SSRF\n\n## Executive Summary\n\nSee ![diagram](" + url + ") and [more](" + url + ").\n";
            author.request().contentType("text/markdown").body(markdown).post("/api/case-studies/import").then().statusCode(201);
            author.request().contentType(ContentType.JSON)
                    .body(Map.of("title", "Linked", "summary", "![x](" + url + ")")).post("/api/case-studies").then().statusCode(201);
            // The Host and X-Forwarded-* a client sends never become an address the services link to.
            String location = author.request().header("Host", "127.0.0.1:" + bait.getLocalPort())
                    .header("X-Forwarded-Host", "evil.example").contentType(ContentType.JSON)
                    .body(Map.of("title", "Host header", "summary", "s")).post("/api/case-studies").then()
                    .statusCode(201).extract().header("Location");
            assertThat(location, not(containsString("evil.example")));
            assertThat(location, not(containsString(String.valueOf(bait.getLocalPort()))));
            bait.setSoTimeout(1_000);
            boolean called;
            try (var ignored = bait.accept()) {
                called = true;
            } catch (SocketTimeoutException e) {
                called = false;
            }
            assertFalse(called, "a service connected to the address in the client's Markdown");
        }
    }

    // API8:2023 Security Misconfiguration

    @Test
    void api8_errorsShowNoInternalsAndBrowsersFromElsewhereAreTurnedAway() {
        Response broken = given().contentType(ContentType.JSON).body("{\"username\": ").post("/api/auth/login");
        assertProblem(broken.then(), 400);
        assertThat(broken.asString(), not(containsString("Exception")));
        assertThat(broken.asString(), not(containsString("at dev.casebook")));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/case-studies").then().header("Access-Control-Allow-Origin", nullValue());
        assertProblem(RunningCasebook.newUser("author").request().request("TRACE", "/api/case-studies").then(), 405);
        assertProblem(given().get("/q/dev-ui").then(), 404);
        given().get("/api/case-studies").then().statusCode(200).header("Server", nullValue());
    }

    // API9:2023 Improper Inventory Management

    @Test
    void api9_onlyTheDocumentedApiIsReachableThroughTheGateway() {
        // Paths that climb out of a route, or lead nowhere: none reaches a service's own endpoints (/q/...).
        for (String path : List.of("/internal", "/api/v0/case-studies", "/api/case-studies/%2e%2e/%2e%2e/q/health",
                "/api/metrics/..%2f..%2fq/health", "/api/auth/%2e%2e/%2e%2e/q/health/ready", "/api/case-studies/..;/..;/q/health")) {
            Response answer = given().urlEncodingEnabled(false).get(path);
            assertThat(path + " answered " + answer.statusCode(), answer.statusCode(), lessThan(500));
            assertThat(path, answer.asString(), not(containsString("database-schema")));
        }
        Set<String> documented = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().<String, Object>getMap("paths").keySet();
        assertThat(documented, everyItem(startsWith("/api/")));
    }

    // API10:2023 Unsafe Consumption of APIs: what Casebook passes on to the browsers that render it, and the events it reads

    @Test
    void api10_textPassesOnSafelyToTheFrontendsThatRenderIt() {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        String id = author.request().contentType(ContentType.JSON)
                .body(Map.of("title", "Prose", "summary", "<script>alert(1)</script> [click](javascript:alert(1))"))
                .post("/api/case-studies").then().statusCode(201).extract().path("id");
        String html = author.request().accept("text/html").get("/api/case-studies/" + id).then().statusCode(200).extract().asString();
        assertThat(html, not(containsString("<script")));
        assertThat(html, not(containsString("javascript:")));
        String markdown = author.request().accept("text/markdown").get("/api/case-studies/" + id).then().statusCode(200).extract().asString();
        assertThat(markdown, not(containsString("<script>")));
        assertProblem(author.request().contentType(ContentType.JSON)
                .body(Map.of("title", "Init", "summary", "s", "architecture",
                        Map.of("diagram", "%%{init: {\"securityLevel\": \"loose\"}}%%\nflowchart TD\n  A --> B")))
                .post("/api/case-studies").then(), 400);
    }

    @Test
    void api10_theBrokerTakesEventsOnlyFromTheirOwner() throws Exception {
        var broker = RunningCasebook.infrastructure().kafka();
        Map<String, Object> forger = broker.clientConfig(KafkaAccounts.withoutRights(broker, Accounts.uniqueName("forger")));
        Map<String, Object> anonymous = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        String forged = "{\"id\": \"" + UUID.randomUUID() + "\", \"slug\": \"forged\"}";
        for (String topic : List.of("casestudy.events", "metrics.events", "auth.events")) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> send(forger, topic, forged));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), topic + ": " + refused.getCause());
            assertThrows(Exception.class, () -> send(anonymous, topic, forged), topic + " took a record from a client with no login");
        }
    }

    private static void send(Map<String, Object> client, String topic, String value) throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "forged", value);
            record.headers().add("ce_type", "dev.casebook.casestudy.deleted.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
    }

    private static String idOf(Accounts.Tokens user) {
        return user.request().get("/api/auth/me").then().statusCode(200).extract().path("id");
    }
}
