package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.TopicReader;
import dev.casebook.testing.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event another instance of the service commits wakes this instance's relay at once: the write's transaction
 * notifies the service's channel. The poll is set to an hour here, so only the notification can publish in time.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
@TestProfile(OutboxWakeUpTest.HourlyPoll.class)
class OutboxWakeUpTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("casebook.outbox.poll-interval", "1h");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void anEventCommittedByAnotherInstanceIsPublishedAtOnce() throws Exception {
        Thread.sleep(2_000); // past the relay's first poll, a second after start
        String quiet = "note-quiet-" + UUID.randomUUID();
        String announced = "note-announced-" + UUID.randomUUID();

        // Another instance's write, as it reaches the database: the row, and (second time) the notification with it.
        writeAsAnotherInstance(quiet, false);
        try (TopicReader topic = Topics.ofThisService().reader("notes")) {
            assertTrue(topic.read(r -> r.key().equals(quiet), 1, Duration.ofSeconds(3)).isEmpty(),
                    "without a notification the row waits for the next poll");
        }
        writeAsAnotherInstance(announced, true);
        try (TopicReader topic = Topics.ofThisService().reader("notes")) {
            Set<String> arrived = topic.read(r -> r.key().equals(quiet) || r.key().equals(announced),
                            found -> found.stream().map(r -> r.key()).distinct().count() == 2, Duration.ofSeconds(10))
                    .stream().map(r -> r.key()).collect(Collectors.toSet());
            assertEquals(Set.of(quiet, announced), arrived, "the notification woke the relay, which sent all that waited");
        }
    }

    private void writeAsAnotherInstance(String key, boolean announce) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO platformtest.outbox_event (event_id, topic, record_key, type, occurred_at, data)"
                            + " VALUES (gen_random_uuid(), 'notes', ?, 'dev.casebook.test.note.created.v1', now(), '{\"id\": 1, \"text\": \"hi\"}')")) {
                insert.setString(1, key);
                insert.execute();
            }
            if (announce) {
                try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('casebook_outbox_platform-test', '')")) {
                    notify.execute();
                }
            }
            connection.commit();
        }
    }
}
