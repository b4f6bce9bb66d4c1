package dev.casebook.systemtests;

import dev.casebook.devstack.CasebookServices;
import dev.casebook.devstack.CasebookServices.Service;
import dev.casebook.devstack.FreePorts;
import dev.casebook.devstack.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parts of the stack fail; clients get quick, clear answers and the rest keeps working. */
@ExtendWith(RunningCasebook.class)
class FaultsIT {

    @Test
    void aStoppedServiceIsA503WithinTwoSecondsWhileOtherRoutesKeepWorking() throws Exception {
        ServiceProcess metrics = RunningCasebook.services().get(Service.METRICS);
        metrics.stop();
        try {
            Instant asked = Instant.now();
            assertProblem(given().get("/api/metrics/catalog").then(), 503)
                    .body("detail", containsString("metrics"));
            assertTrue(Duration.between(asked, Instant.now()).compareTo(RunningCasebook.FAILURE_ANSWER_LIMIT) < 0,
                    "the gateway answered within 2 s");

            given().get("/api/auth/roles").then().statusCode(200);
            given().get("/api/case-studies/template").then().statusCode(200);
            // The gateway stays ready: it routes to what is up; its downstream group says which service is not.
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/group/downstream").then().statusCode(503)
                    .body("checks.find { it.name == 'metrics' }.status", equalTo("DOWN"));
        } finally {
            metrics.start();
            metrics.awaitReady(Duration.ofMinutes(2));
        }
        given().get("/api/metrics/catalog").then().statusCode(200);
        given().get("/q/health/group/downstream").then().statusCode(200);
    }

    @Test
    void aServiceWhoseDatabaseIsUnreachableStartsNotReadyAndSaysWhereInOneLine() throws Exception {
        int closedPort = FreePorts.next();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/casebook";
        ServiceProcess lonely = startedWith(Service.CASESTUDY, Map.of("CASEBOOK_DB_URL", url));
        try {
            awaitAnswering(lonely);
            given().baseUri(lonely.url()).get("/q/health/ready").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'database-schema' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'database-schema' }.data.reason", containsString(url));
            given().baseUri(lonely.url()).get("/q/health/live").then().statusCode(200);
            assertTrue(lonely.isAlive());
            List<String> lines = lonely.recentOutput().lines().toList();
            assertEquals(1, lines.stream().filter(line -> line.contains("SchemaMigrations")
                    && line.contains("PostgreSQL at " + url + " is not reachable")).count(), lonely.recentOutput());
            assertFalse(lonely.recentOutput().contains("\tat ") || lonely.recentOutput().contains("Caused by"),
                    "no stack trace in the log:\n" + lonely.recentOutput());
        } finally {
            lonely.stop();
        }
    }

    @Test
    void aServiceWhoseBrokerIsUnreachableAtStartSaysSoInItsKafkaGroupAndOnceInTheLog() throws Exception {
        int closedPort = FreePorts.next();
        ServiceProcess lonely = startedWith(Service.METRICS, Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort));
        try {
            awaitAnswering(lonely);
            given().baseUri(lonely.url()).get("/q/health/group/kafka").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("DOWN"));
            // Not ready all the same, for another reason: it has never read auth.events, so it cannot tell a revoked
            // token from a good one (README "Probes and shutdown").
            given().baseUri(lonely.url()).get("/q/health/ready").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'access-changes' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'database-schema' }.status", equalTo("UP"));
            given().baseUri(lonely.url()).get("/q/health/live").then().statusCode(200);
            assertTrue(lonely.isAlive());
            String where = "Kafka at 127.0.0.1:" + closedPort + " is not reachable";
            Instant deadline = Instant.now().plusSeconds(15);
            while (!lonely.recentOutput().contains(where) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertEquals(1, lonely.recentOutput().lines().filter(line -> line.contains(where)).count(), lonely.recentOutput());
            assertFalse(lonely.recentOutput().contains("\tat "), "no stack trace in the log:\n" + lonely.recentOutput());
        } finally {
            lonely.stop();
        }
    }

    /** A second instance of a service, on its own port, with some settings changed. */
    private static ServiceProcess startedWith(Service service, Map<String, String> overrides) throws Exception {
        Map<String, String> environment = new HashMap<>(CasebookServices.connectionsOf(service, RunningCasebook.infrastructure()));
        environment.putAll(overrides);
        ServiceProcess process = new ServiceProcess(service.module() + "-2", service.jar(RunningCasebook.repositoryRoot()),
                FreePorts.next(), environment, List.of("-Xmx256m"), line -> System.out.println(line));
        process.start();
        return process;
    }

    private static void awaitAnswering(ServiceProcess process) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (process.readinessStatus() < 0 && Instant.now().isBefore(deadline) && process.isAlive()) {
            Thread.sleep(250);
        }
    }
}
