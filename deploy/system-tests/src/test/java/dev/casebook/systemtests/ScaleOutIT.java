package dev.casebook.systemtests;

import dev.casebook.devstack.CasebookServices;
import dev.casebook.devstack.CasebookServices.Service;
import dev.casebook.devstack.DevStack;
import dev.casebook.devstack.Passwords;
import dev.casebook.devstack.ServiceProcess;
import dev.casebook.devstack.SigningKeys;
import dev.casebook.testing.Accounts;
import dev.casebook.testing.Records;
import dev.casebook.testing.Topics;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of every service and of the gateway, as a Kubernetes Deployment runs them, with clients reaching the
 * gateways through whichever is ready (as a Service does). Under a steady load of writes and reads, every instance
 * of every service is restarted in turn (SIGTERM, then a new one, ready before the next goes): no request fails,
 * every write answered 2xx is there afterwards, and each of its events is on the topic once in effect, in order.
 * Then one instance of each service is killed outright under the same load: nothing answered 2xx is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1) // before the shared stack starts (junit-platform.properties)
class ScaleOutIT {

    private static final String ADMIN_PASSWORD = Passwords.random(20);
    private static final Duration READY = Duration.ofMinutes(3);

    private static Path data;
    private static DevStack infrastructure;
    private static CasebookServices services;
    private static String previousBaseUri;
    private static Accounts.Tokens author;

    @BeforeAll
    static void startTwoOfEverything() throws IOException {
        data = Files.createTempDirectory("casebook-scale-out-");
        infrastructure = DevStack.start(new DevStack.Settings(data, 0, 0, true, Map.of()));
        services = CasebookServices.start(RunningCasebook.repositoryRoot(), infrastructure,
                SigningKeys.inDirectory(data.resolve("keys")), CasebookServices.Ports.free(2),
                Map.of(CasebookServices.EXTRA_JAVA_OPTIONS, RunningCasebook.TEST_JAVA_OPTIONS,
                        "CASEBOOK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        "CASEBOOK_GATEWAY_RATE_LIMIT_CAPACITY", "5000",
                        "CASEBOOK_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND", "2000",
                        // a restart drains for 3 s rather than the default 5 s, so the test takes less long; still
                        // longer than the gateway keeps an idle connection (2 s), as the default is
                        "CASEBOOK_SHUTDOWN_DELAY", "3s"),
                line -> System.out.println("scale-out | " + line), READY);
        previousBaseUri = RestAssured.baseURI;
        RestAssured.baseURI = services.gatewayUrl();
        Accounts.Tokens admin = Accounts.loggedIn("admin", ADMIN_PASSWORD, RunningCasebook.PATIENCE);
        // One author for the whole test: its token outlives every restart (auth-service's included).
        author = Accounts.newUser(admin, "author", RunningCasebook.PATIENCE);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        RestAssured.baseURI = previousBaseUri;
        if (services != null) {
            services.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void everyInstanceRestartedInTurnUnderLoadFailsNoRequestAndLosesNothing() throws Exception {
        List<Load.Written> written;
        try (Load load = Load.start(gateways(), author.accessToken())) {
            for (Service service : List.of(Service.AUTH, Service.CASESTUDY, Service.METRICS, Service.GATEWAY)) {
                for (ServiceProcess instance : services.instances(service)) {
                    instance.stop();
                    instance.start();
                    instance.awaitReady(READY);
                }
            }
            load.keepGoingFor(Duration.ofSeconds(2));
            written = load.stopAndReport();
            assertEquals(List.of(), load.failures(), "no request failed while every instance was restarted");
        }
        assertTrue(written.size() > 20, "the load wrote throughout: " + written.size());
        assertEverythingIsThere(written);
    }

    /** Last, because it leaves one instance of each service: the other takes over the relay and the partitions. */
    @Test
    @Order(2)
    void anInstanceOfEachServiceKilledUnderLoadLosesNothingAnswered2xx() throws Exception {
        List<Load.Written> written;
        try (Load load = Load.start(gateways(), author.accessToken())) {
            load.keepGoingFor(Duration.ofSeconds(2));
            for (Service service : List.of(Service.AUTH, Service.CASESTUDY, Service.METRICS)) {
                services.instances(service).get(1).kill();
                load.keepGoingFor(Duration.ofSeconds(3));
            }
            load.keepGoingFor(Duration.ofSeconds(3));
            written = load.stopAndReport();
        }
        assertTrue(written.size() > 10, "the load wrote throughout: " + written.size());
        assertEverythingIsThere(written);
    }

    /**
     * Every write answered 2xx is readable, as answered, and the events of what took effect are on casestudy.events
     * once in effect, in the order it happened.
     */
    private static void assertEverythingIsThere(List<Load.Written> written) {
        Map<String, Boolean> submitted = new java.util.HashMap<>();
        for (Load.Written write : written) {
            String status = author.request().get("/api/case-studies/" + write.id()).then().statusCode(200).extract().path("status");
            if (write.submitted() != null) {
                assertEquals(write.submitted() ? "IN_REVIEW" : "DRAFT", status, "case study " + write.id());
            }
            submitted.put(write.id(), "IN_REVIEW".equals(status)); // what took effect, answered or not
        }
        Set<String> ids = submitted.keySet();
        long expected = submitted.values().stream().mapToLong(inReview -> inReview ? 2 : 1).sum();
        List<ConsumerRecord<String, String>> events = Records.distinct(Topics.at(infrastructure.kafka().adminConfig())
                .read("casestudy.events", record -> ids.contains(record.key()),
                        found -> Records.distinct(found).size() >= expected, Duration.ofSeconds(60)));
        Map<String, List<String>> typesPerCaseStudy = events.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(record -> Records.type(record).replace("dev.casebook.casestudy.", ""), Collectors.toList())));
        List<String> wrong = new ArrayList<>();
        for (Load.Written write : written) {
            List<String> expectedTypes = submitted.get(write.id()) ? List.of("created.v1", "submitted.v1") : List.of("created.v1");
            List<String> types = typesPerCaseStudy.getOrDefault(write.id(), List.of());
            if (!types.equals(expectedTypes)) {
                wrong.add(write.id() + ": " + types);
            }
        }
        assertEquals(List.of(), wrong, "each write's events once, in the order they happened");
    }

    private static List<String> gateways() {
        return services.instances(Service.GATEWAY).stream().map(ServiceProcess::url).toList();
    }
}
