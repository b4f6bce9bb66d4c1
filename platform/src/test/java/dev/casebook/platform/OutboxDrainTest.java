package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.events.Outbox;
import dev.casebook.platform.testapp.NoteResource.NoteEdited;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On shutdown the outbox relay is not cut off mid-batch: the batch it is sending when the application stops is
 * finished and committed before the stop goes on, and no batch starts after it. (Its own application, since the relay
 * stays stopped.)
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
@TestProfile(OutboxDrainTest.OwnApplication.class)
class OutboxDrainTest {

    /** The relay's batch (OutboxRelay.BATCH): whole batches are committed, never part of one. */
    private static final int BATCH = 500;
    private static final int EVENTS = 8 * BATCH;

    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource database;

    @Test
    void aStopWaitsForTheBatchInFlightToCommitAndStartsNoOther() throws Exception {
        long note = 900_000 + (System.nanoTime() & 0xffff);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int edit = 0; edit < EVENTS; edit++) {
                outbox.emit(NoteEdited.TYPE, new NoteEdited(note, edit, "drained " + edit));
            }
        });
        // The commit nudges the relay: stop while it holds its lock, that is while a batch is being sent.
        Instant deadline = Instant.now().plusSeconds(30);
        while (relayLocks() == 0 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertEquals(1, relayLocks(), "caught the relay in the middle of a batch");

        Arc.container().beanManager().getEvent().fire(new ShutdownEvent());

        assertEquals(0, relayLocks(), "the batch in flight was committed before the stop went on");
        long published = published(note);
        assertTrue(published > 0 && published % BATCH == 0, "whole batches only: " + published);
        assertTrue(published < EVENTS, "no batch after the stop began: " + published);
        Thread.sleep(Duration.ofSeconds(3).toMillis());
        assertEquals(published, published(note), "and none started later");
    }

    private long relayLocks() throws Exception {
        return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted", null);
    }

    private long published(long note) throws Exception {
        return count("SELECT count(*) FROM platformtest.outbox_event WHERE published_at IS NOT NULL AND record_key = ?",
                "note-" + note);
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
