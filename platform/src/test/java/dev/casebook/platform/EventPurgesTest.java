package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.events.EventPurges;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Published outbox rows and remembered event ids go after their retention, in batches, one instance at a time. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class EventPurgesTest {

    private static final String MARK = "purge-test-";

    @Inject
    AgroalDataSource database;

    @Inject
    EventPurges purges;

    @Test
    void whatIsPastItsRetentionGoesInBatchesAndTheRestStays() throws Exception {
        String run = MARK + UUID.randomUUID();
        // 2,500 published eight days ago: three batches of at most 1,000. The rest is young, or parked.
        outboxRows(run, 2_500, "now() - interval '8 days'", "now() - interval '8 days'", false);
        outboxRows(run, 3, "now() - interval '1 day'", "now() - interval '1 day'", false);
        outboxRows(run, 1, "now() - interval '9 days'", null, true);
        processedIds(run, "old-", 1_200, "now() - interval '8 days'");
        processedIds(run, "young-", 4, "now() - interval '1 hour'");

        purges.purge();

        assertEquals(3, count("SELECT count(*) FROM platformtest.outbox_event WHERE record_key = ? AND published_at IS NOT NULL", run),
                "published within the retention: kept");
        assertEquals(1, count("SELECT count(*) FROM platformtest.outbox_event WHERE record_key = ? AND parked_at IS NOT NULL", run),
                "a parked row waits for an operator, however old");
        assertEquals(4, count("SELECT count(*) FROM platformtest.processed_event WHERE consumer = ?", run),
                "ids remembered within their retention: kept");
    }

    @Test
    void whileAnotherInstancePurgesThisOneLeavesIt() throws Exception {
        String run = MARK + UUID.randomUUID();
        outboxRows(run, 10, "now() - interval '8 days'", "now() - interval '8 days'", false);
        // Another instance, as far as PostgreSQL can tell: its own connection, holding the service's purge lock.
        try (Connection other = database.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, "casebook-event-purges:platform-test".hashCode());
                lock.execute();
            }
            assertEquals(-1, purges.purge(), "another instance holds the purge");
            assertEquals(10, count("SELECT count(*) FROM platformtest.outbox_event WHERE record_key = ?", run));
            other.rollback();
        }
        purges.purge();
        assertEquals(0, count("SELECT count(*) FROM platformtest.outbox_event WHERE record_key = ?", run));
    }

    private void outboxRows(String key, int rows, String occurredAt, String publishedAt, boolean parked) throws SQLException {
        execute("INSERT INTO platformtest.outbox_event (event_id, topic, record_key, type, occurred_at, data, published_at, parked_at)"
                + " SELECT gen_random_uuid(), 'notes', ?, 'dev.casebook.test.note.created.v1', " + occurredAt + ", '{}', "
                + publishedAt + ", " + (parked ? "now()" : "NULL") + " FROM generate_series(1, " + rows + ")", key);
    }

    private void processedIds(String consumer, String prefix, int rows, String processedAt) throws SQLException {
        execute("INSERT INTO platformtest.processed_event (consumer, event_id, processed_at)"
                + " SELECT ?, '" + prefix + "' || n, " + processedAt + " FROM generate_series(1, " + rows + ") n", consumer);
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.execute();
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
