package dev.casebook.systemtests;

import dev.casebook.devstack.CasebookServices;
import dev.casebook.devstack.CasebookServices.Service;
import dev.casebook.devstack.Database;
import dev.casebook.devstack.FreePorts;
import dev.casebook.devstack.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM to a service with a request in flight: it turns unready at once, keeps serving through the shutdown delay,
 * lets the request finish, and only then exits. The request is held in the database (a table lock) for as long as the
 * test wants, so that it is surely in flight when the signal comes.
 */
@ExtendWith(RunningCasebook.class)
class GracefulShutdownIT {

    private static final Duration DELAY = Duration.ofSeconds(2);

    @Test
    void aRequestInFlightWhenTheServiceIsToldToStopIsAnsweredBeforeItExits() throws Exception {
        ServiceProcess instance = secondInstance(Service.CASESTUDY, Map.of(
                "CASEBOOK_SHUTDOWN_DELAY", DELAY.toSeconds() + "s",
                "CASEBOOK_SHUTDOWN_DRAIN", "30s",
                "CASEBOOK_DB_STATEMENT_TIMEOUT", "60s"));
        try {
            instance.start();
            instance.awaitReady(Duration.ofMinutes(2));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Database db = RunningCasebook.infrastructure().database();
            CompletableFuture<HttpResponse<String>> inFlight;
            CompletableFuture<Void> stopped;
            try (Connection holder = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                 Statement sql = holder.createStatement()) {
                holder.setAutoCommit(false);
                sql.execute("LOCK TABLE casestudy.case_study, casestudy.published_case_study IN ACCESS EXCLUSIVE MODE");
                inFlight = http.sendAsync(HttpRequest.newBuilder(URI.create(instance.url() + "/api/case-studies"))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                awaitWaitingOnTheLock(sql, inFlight);

                stopped = CompletableFuture.runAsync(instance::stop); // SIGTERM, then waits for the process to end
                Instant deadline = Instant.now().plus(DELAY);
                int readiness = instance.readinessStatus();
                while (readiness != 503 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                    readiness = instance.readinessStatus();
                }
                assertEquals(503, readiness, "unready as soon as it was told to stop");
                Thread.sleep(DELAY.plusSeconds(1).toMillis()); // past the delay: draining now
                assertFalse(inFlight.isDone(), "the request is still held in the database");
                assertTrue(instance.isAlive(), "the service waits for the request in flight");
                holder.commit();
            }

            HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"total\""), answer.body());
            stopped.get(60, TimeUnit.SECONDS);
            assertFalse(instance.isAlive());
            assertFalse(instance.recentOutput().contains("Timed out waiting for graceful shutdown"), instance.recentOutput());
        } finally {
            instance.kill(); // a failed test leaves no instance behind (no-op once it stopped)
        }
    }

    private static void awaitWaitingOnTheLock(Statement sql, CompletableFuture<HttpResponse<String>> inFlight) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (inFlight.isDone()) {
                // It failed once in a full verify without saying why: say what came back instead of the database.
                throw new AssertionError("the request was answered without waiting on the lock: "
                        + inFlight.handle((answer, failure) -> failure != null ? failure.toString()
                        : answer.statusCode() + " " + answer.body()).join());
            }
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND usename = 'casebook_casestudy'")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        try (ResultSet rows = sql.executeQuery("SELECT usename, state, wait_event_type, wait_event, left(query, 120) "
                + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            StringBuilder sessions = new StringBuilder();
            while (rows.next()) {
                sessions.append("\n  ").append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ')
                        .append(rows.getString(3)).append(' ').append(rows.getString(4)).append(' ').append(rows.getString(5));
            }
            throw new AssertionError("the request never reached the database; its sessions:" + sessions);
        }
    }

    private static ServiceProcess secondInstance(Service service, Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(CasebookServices.connectionsOf(service, RunningCasebook.infrastructure()));
        environment.putAll(overrides);
        return new ServiceProcess(service.module() + "-draining", service.jar(RunningCasebook.repositoryRoot()),
                FreePorts.next(), environment, List.of("-Xmx256m"), line -> System.out.println(line));
    }
}
