package dev.casebook.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.devstack.CasebookServices.Service;
import dev.casebook.devstack.KafkaBroker;
import dev.casebook.devstack.ServiceProcess;
import dev.casebook.testing.Accounts;
import dev.casebook.testing.Records;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static dev.casebook.testing.Problems.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parts of the stack stop, crash or lose their broker while clients write; nothing a client was told is lost. */
@ExtendWith(RunningCasebook.class)
class StackFaultsIT {

    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final String CREATED = "dev.casebook.casestudy.created.v1";
    private static final String UPDATED = "dev.casebook.casestudy.updated.v1";
    private static final String METRICS_UPDATED = "dev.casebook.metrics.updated.v1";

    private static Accounts.Tokens author;

    /** One author for the class (its token lasts 15 minutes): fewer logins, less password hashing on a busy machine. */
    private static synchronized Accounts.Tokens author() {
        if (author == null) {
            author = RunningCasebook.newUser("author");
        }
        return author;
    }

    private static String create(Accounts.Tokens author, String title) {
        return author.request().contentType(ContentType.JSON)
                .body(Map.of("title", title, "summary", "What happened to " + title + "."))
                .post("/api/case-studies").then().statusCode(201).extract().path("id");
    }

    private static void patchSummary(Accounts.Tokens author, String id, String summary) {
        String etag = author.request().get("/api/case-studies/" + id).then().statusCode(200).extract().header("ETag");
        author.request().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"summary\": \"" + summary + "\"}")
                .patch("/api/case-studies/" + id).then().statusCode(200);
    }

    private static String rows(String... rows) {
        return "{\"rows\": [" + String.join(", ", rows) + "]}";
    }

    private static void putMetrics(Accounts.Tokens who, String id, String table) {
        who.request().contentType(ContentType.JSON).body(table).put("/api/metrics/case-studies/" + id).then().statusCode(200);
    }

    /** PUT once metrics-service knows the case study (it learns of it from casestudy.events) and its route works. */
    private static void eventuallyPutMetrics(Accounts.Tokens who, String id, String table) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> putMetrics(who, id, table));
    }

    private static void restore(ServiceProcess... services) throws Exception {
        for (ServiceProcess service : services) {
            service.start();
        }
        for (ServiceProcess service : services) {
            service.awaitReady(READY);
        }
    }

    @Test
    void withMetricsServiceDownCaseStudiesShowTheirLastMetricsAndMetricsRoutesAreQuick503s() throws Exception {
        Accounts.Tokens author = author();
        String id = create(author, "Metrics outage " + UUID.randomUUID().toString().substring(0, 8));
        eventuallyPutMetrics(author, id, rows("{\"name\": \"Response Time\", \"before\": 120, \"after\": 45}"));
        await().atMost(EVENTUALLY).untilAsserted(() -> author.request().get("/api/case-studies/" + id).then()
                .statusCode(200).body("metrics.size()", equalTo(1)));

        ServiceProcess metrics = RunningCasebook.services().get(Service.METRICS);
        metrics.stop();
        try {
            author.request().get("/api/case-studies/" + id).then().statusCode(200)
                    .body("metrics[0].name", equalTo("Response Time"))
                    .body("metrics[0].improvementPercent", equalTo(62.5f));
            String markdown = author.request().accept("text/markdown").get("/api/case-studies/" + id).then()
                    .statusCode(200).extract().asString();
            assertThat(markdown, containsString("| Response Time | 120 ms | 45 ms | 62.5% |\n"));

            Instant asked = Instant.now();
            assertProblem(author.request().get("/api/metrics/case-studies/" + id).then(), 503);
            assertQuick(asked);
            asked = Instant.now();
            assertProblem(author.request().contentType(ContentType.JSON)
                    .body(rows("{\"name\": \"Response Time\", \"before\": 120, \"after\": 30}"))
                    .put("/api/metrics/case-studies/" + id).then(), 503);
            assertQuick(asked);
        } finally {
            restore(metrics);
        }

        // The gateway's circuit breaker may still be open for a few seconds, hence the waits.
        await().atMost(EVENTUALLY).untilAsserted(() -> author.request().get("/api/metrics/case-studies/" + id).then()
                .statusCode(200).body("rows.size()", equalTo(1)));
        eventuallyPutMetrics(author, id, rows("{\"name\": \"Response Time\", \"before\": 120, \"after\": 30}"));
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(author.request().accept("text/markdown")
                .get("/api/case-studies/" + id).then().statusCode(200).extract().asString(),
                containsString("| Response Time | 120 ms | 30 ms | 75.0% |\n")));
        author.request().get("/api/case-studies/" + id).then().body("metrics.size()", equalTo(1));
    }

    private static void assertQuick(Instant asked) {
        Duration took = Duration.between(asked, Instant.now());
        assertTrue(took.compareTo(RunningCasebook.FAILURE_ANSWER_LIMIT) < 0, "answered in " + took.toMillis() + " ms");
    }

    @Test
    void writesWhileKafkaIsDownSucceedAndTheirEventsFollowOnceItIsBack() throws Exception {
        Accounts.Tokens author = author();
        String n = UUID.randomUUID().toString().substring(0, 8);
        String a = create(author, "Broker outage A " + n);
        eventuallyPutMetrics(author, a, rows("{\"name\": \"Response Time\", \"before\": 100, \"after\": 50}"));
        await().atMost(EVENTUALLY).untilAsserted(() -> author.request().get("/api/case-studies/" + a).then()
                .statusCode(200).body("metrics.size()", equalTo(1)));

        KafkaBroker kafka = RunningCasebook.infrastructure().kafka();
        String b;
        String c;
        String lastTable = rows(
                "{\"name\": \"Response Time\", \"before\": 130, \"after\": 65}",
                "{\"name\": \"Throughput\", \"before\": 900, \"after\": 1800}",
                "{\"name\": \"Error Rate\", \"before\": 1, \"after\": 0.5}");
        kafka.stop();
        try {
            b = create(author, "Broker outage B " + n);
            c = create(author, "Broker outage C " + n);
            patchSummary(author, a, "Edited while the broker was down.");
            patchSummary(author, b, "Edited while the broker was down.");
            putMetrics(author, a, rows(
                    "{\"name\": \"Response Time\", \"before\": 120, \"after\": 60}",
                    "{\"name\": \"Throughput\", \"before\": 800, \"after\": 1000}"));
            putMetrics(author, a, lastTable);
            // Readiness means "send me traffic": with the broker away every service and the gateway stay ready, and
            // the services' kafka group says where it hurts.
            ServiceProcess casestudy = RunningCasebook.services().get(Service.CASESTUDY);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> io.restassured.RestAssured.given()
                    .baseUri(casestudy.url()).get("/q/health/group/kafka").then().statusCode(503)
                    .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("DOWN")));
            for (Service service : Service.values()) {
                io.restassured.RestAssured.given().baseUri(RunningCasebook.services().get(service).url())
                        .get("/q/health/ready").then().statusCode(200);
            }
            io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
        } finally {
            kafka.start();
            restore(RunningCasebook.services().get(Service.CASESTUDY), RunningCasebook.services().get(Service.METRICS));
        }

        // The case study shows the table exactly as last written, once.
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(author.request().accept("text/markdown")
                .get("/api/case-studies/" + a).then().statusCode(200).extract().asString(), containsString(
                "| Metric | Before | After | Improvement |\n|--------|--------|-------|-------------|\n"
                        + "| Response Time | 130 ms | 65 ms | 50.0% |\n"
                        + "| Throughput | 900 req/s | 1800 req/s | 100.0% |\n"
                        + "| Error Rate | 1% | 0.5% | 50.0% |\n")));
        String markdown = author.request().accept("text/markdown").get("/api/case-studies/" + a).then().extract().asString();
        assertEquals(1, markdown.split("\\| Response Time \\|", -1).length - 1, markdown);
        author.request().get("/api/case-studies/" + a).then().statusCode(200)
                .body("metrics.size()", equalTo(3))
                .body("summary", equalTo("Edited while the broker was down."));
        author.request().get("/api/metrics/case-studies/" + a).then().statusCode(200).body("rows.size()", equalTo(3));
        // metrics-service heard of the case studies created during the outage.
        for (String id : List.of(b, c)) {
            await().atMost(EVENTUALLY).untilAsserted(() ->
                    author.request().get("/api/metrics/case-studies/" + id).then().statusCode(200));
        }

        // Every event arrived: counted per case study and type, by event id, with a fresh consumer group.
        Map<String, Integer> expected = Map.of(
                a + " " + CREATED, 1, a + " " + UPDATED, 1,
                b + " " + CREATED, 1, b + " " + UPDATED, 1,
                c + " " + CREATED, 1);
        Set<String> ids = Set.of(a, b, c);
        List<ConsumerRecord<String, String>> caseStudyEvents = RunningCasebook.topics().read("casestudy.events",
                r -> ids.contains(r.key()), found -> countsByKeyAndType(found).equals(expected), EVENTUALLY);
        assertEquals(expected, countsByKeyAndType(caseStudyEvents), Records.describe(caseStudyEvents));

        List<ConsumerRecord<String, String>> metricsEvents = RunningCasebook.topics().read("metrics.events",
                r -> a.equals(r.key()) && METRICS_UPDATED.equals(Records.type(r)),
                found -> Records.distinct(found).size() >= 3, EVENTUALLY);
        List<ConsumerRecord<String, String>> distinct = Records.distinct(metricsEvents);
        assertEquals(3, distinct.size(), Records.describe(metricsEvents));
        var last = new ObjectMapper().readTree(distinct.get(2).value());
        assertEquals(3, last.get("rows").size(), "the last metrics.updated event carries the last table");
        assertEquals("Error Rate", last.get("rows").get(2).get("name").asText());
    }

    private static Map<String, Integer> countsByKeyAndType(List<ConsumerRecord<String, String>> records) {
        return Records.distinct(records).stream().collect(Collectors.groupingBy(r -> r.key() + " " + Records.type(r),
                Collectors.summingInt(r -> 1)));
    }

    @Test
    void everyAcknowledgedWriteSurvivesTheServiceBeingKilledMidBurst() throws Exception {
        Accounts.Tokens author = author();
        String n = UUID.randomUUID().toString().substring(0, 8);
        ServiceProcess casestudy = RunningCasebook.services().get(Service.CASESTUDY);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        Map<String, AtomicInteger> outcomes = new java.util.concurrent.ConcurrentSkipListMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            for (int thread = 0; thread < 3; thread++) {
                int t = thread;
                writers.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        String body = json.writeValueAsString(Map.of("title", "Burst " + n + " " + t + "-" + i,
                                "summary", "Written during a crash."));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(RunningCasebook.services().gatewayUrl()
                                        + "/api/case-studies"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + author.accessToken())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            outcomes.computeIfAbsent(String.valueOf(response.statusCode()), k -> new AtomicInteger()).incrementAndGet();
                            if (response.statusCode() / 100 == 2) {
                                acknowledged.add(json.readTree(response.body()).get("id").asText());
                            }
                        } catch (java.io.IOException e) {
                            outcomes.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                            // no answer: the client cannot know, and the test does not count it
                        }
                        answered.incrementAndGet();
                    }
                    return null;
                });
            }
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(20)).until(() -> answered.get() >= 10);
            casestudy.kill();
            writers.shutdown();
            assertTrue(writers.awaitTermination(3, TimeUnit.MINUTES), "the writers finished");
        } finally {
            writers.shutdownNow();
            restore(casestudy);
        }

        List<String> ids = List.copyOf(acknowledged);
        System.out.println("StackFaultsIT burst outcomes (status or exception -> count): " + outcomes);
        assertThat("writes acknowledged before the kill", ids.size(), greaterThanOrEqualTo(5));
        for (String id : ids) {
            await().atMost(EVENTUALLY).untilAsserted(() -> author.request().get("/api/case-studies/" + id).then()
                    .statusCode(200).body("id", equalTo(id)).body("status", equalTo("DRAFT")));
        }
        // And their events left through the outbox after the restart.
        Set<String> keys = Set.copyOf(ids);
        List<ConsumerRecord<String, String>> created = RunningCasebook.topics().read("casestudy.events",
                r -> keys.contains(r.key()) && CREATED.equals(Records.type(r)),
                found -> Records.distinct(found).size() >= keys.size(), EVENTUALLY);
        assertEquals(keys, Records.distinct(created).stream().map(ConsumerRecord::key).collect(Collectors.toSet()),
                Records.describe(created));
        assertEquals(keys.size(), Records.distinct(created).size(), Records.describe(created));
    }
}
