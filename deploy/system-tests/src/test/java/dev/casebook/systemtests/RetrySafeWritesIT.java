package dev.casebook.systemtests;

import dev.casebook.devstack.CasebookServices.Service;
import dev.casebook.devstack.Database;
import dev.casebook.devstack.ServiceProcess;
import dev.casebook.testing.Accounts;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.casebook.testing.Problems.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The case of issue 13 as a client meets it: a create sent while casestudy-service stalls gets 504 from the gateway,
 * yet the service goes on and stores it. The natural retry, with the Idempotency-Key the first try carried, gets the
 * first answer and no duplicate. A stall inside PostgreSQL alone ends sooner: the statement timeout (4 s, under the
 * gateway's 5 s) cancels the statement, the service answers 503 and stores nothing, and the retry creates it once.
 */
@ExtendWith(RunningCasebook.class)
class RetrySafeWritesIT {

    private static final String KEY = "Idempotency-Key";

    @Test
    void aCreateThatTimedOutAtTheGatewayIsRetriedWithItsKeyAndStoredOnce() throws Exception {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        String title = "Stalled create " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ServiceProcess casestudy = RunningCasebook.services().get(Service.CASESTUDY);
        try (Connection stall = superuser()) {
            stall.setAutoCommit(false);
            try (Statement lock = stall.createStatement()) {
                // The create waits on the case study table, well within the statement timeout...
                lock.execute("LOCK TABLE casestudy.case_study IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> create(author, key, title));
            Thread.sleep(1_000);
            // ...and then the service itself stalls (a long pause, as a starved or swapping JVM has) past the gateway's 5 s.
            signal("STOP", casestudy);
            try {
                stall.commit();
                assertProblem(first.get(30, TimeUnit.SECONDS).then(), 504, "gateway-timeout");
            } finally {
                signal("CONT", casestudy); // the stall ends: the create the gateway gave up on goes on and commits
            }
        }

        // Retried as a client would; a 409 says the first is still being answered.
        Response retried = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> create(author, key, title), answer -> answer.statusCode() != 409);
        retried.then().statusCode(201).header("Idempotent-Replayed", "true").body("title", equalTo(title));
        author.request().get(retried.header("Location")).then().statusCode(200).body("title", equalTo(title));
        assertEquals(1, caseStudiesTitled(title));
    }

    @Test
    void aCreateThatPostgresStallsPastTheStatementTimeoutIsA503ThatStoredNothingAndItsRetryCreatesItOnce() throws Exception {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        String title = "Cancelled create " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (Connection stall = superuser()) {
            stall.setAutoCommit(false);
            try (Statement lock = stall.createStatement()) {
                lock.execute("LOCK TABLE casestudy.case_study IN ACCESS EXCLUSIVE MODE");
            }
            assertProblem(create(author, key, title).then(), 503, "service-unavailable").header("Retry-After", "1");
            stall.commit();
        }
        assertEquals(0, caseStudiesTitled(title), "the cancelled create stored nothing");

        create(author, key, title).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1, caseStudiesTitled(title));
    }

    @Test
    void aRetryWithTheKeyAndAnotherBodyIsRefusedThroughTheGateway() {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        String key = UUID.randomUUID().toString();
        create(author, key, "Keyed " + key).then().statusCode(201);
        assertProblem(create(author, key, "Another " + key).then(), 422, "unprocessable-content").body("header", equalTo(KEY));
    }

    private static Response create(Accounts.Tokens author, String key, String title) {
        return author.request().header(KEY, key).contentType(ContentType.JSON)
                .body(Map.of("title", title, "summary", "Sent again after a timeout."))
                .post("/api/case-studies");
    }

    private static long caseStudiesTitled(String title) throws SQLException {
        try (Connection db = superuser(); PreparedStatement count = db.prepareStatement("SELECT count(*) FROM casestudy.case_study WHERE title = ?")) {
            count.setString(1, title);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Sends {@code SIGSTOP} or {@code SIGCONT} to the service's process. */
    private static void signal(String name, ServiceProcess service) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(service.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name + " " + service.pid());
    }

    private static Connection superuser() throws SQLException {
        Database database = RunningCasebook.infrastructure().database();
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
