package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.LogRecord;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection budget's statement timeout (2 s in the tests, {@code casebook.database.statement-timeout}): a query
 * that runs longer is cancelled by PostgreSQL itself, and the client gets a 503 problem that says to try again, not a
 * 500; the log says so in a line, without a stack trace.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class DatabaseLimitsTest {

    @Inject
    AgroalDataSource database;

    private CapturedLog log;

    @BeforeEach
    void captureTheLog() {
        log = new CapturedLog();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void everyConnectionCarriesTheStatementTimeout() throws Exception {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SHOW statement_timeout")) {
            rows.next();
            assertEquals("2s", rows.getString(1));
        }
    }

    @Test
    void aQueryLongerThanTheStatementTimeoutIsCancelledAndAnswered503() throws Exception {
        String requestId = "slow-" + UUID.randomUUID();
        log.clear();
        assertProblem(given().header("X-Request-Id", requestId).queryParam("seconds", 60).get("/notes/slow").then(), 503,
                "service-unavailable")
                .header("Retry-After", "1")
                .body("requestId", equalTo(requestId))
                .body("detail", containsString("did not finish this request within 2s"));

        assertEquals(0, runningSleeps(), "PostgreSQL stopped the query; it does not run on");
        List<LogRecord> during = log.records();
        assertTrue(during.stream().anyMatch(record -> CapturedLog.message(record).contains("GET /notes/slow answered 503")),
                () -> "said in the log: " + during.stream().map(CapturedLog::message).toList());
        assertTrue(during.stream().noneMatch(record -> record.getThrown() != null), "no stack trace in the log");
    }

    @Test
    void aRequestThatFindsNoFreeConnectionIsAnswered503() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            // Every connection of the pool (casebook.database.pool-max-size), until the pool has none to give.
            while (true) {
                try {
                    held.add(database.getConnection());
                } catch (SQLException poolEmpty) {
                    break;
                }
            }
            assertEquals(6, database.getConfiguration().connectionPoolConfiguration().maxSize(),
                    "the pool's size, from the connection budget's default");
            assertTrue(!held.isEmpty() && held.size() <= 6, "held " + held.size());
            assertProblem(given().queryParam("seconds", 0).get("/notes/slow").then(), 503, "service-unavailable")
                    .header("Retry-After", "1")
                    .body("detail", containsString("No database connection was free"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        given().queryParam("seconds", 0).get("/notes/slow").then().statusCode(200);
    }

    @Test
    void aQueryWithinTheTimeoutIsAnswered() {
        given().queryParam("seconds", 0).get("/notes/slow").then().statusCode(200).body("slept", equalTo(0));
    }

    private long runningSleeps() throws Exception {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                     + "AND query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
