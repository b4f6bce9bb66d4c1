package dev.casebook.platform.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Wakes the outbox relay of every instance of a service when any of them commits an event, with PostgreSQL's
 * LISTEN/NOTIFY: the writing transaction notifies the service's channel (delivered only if it commits), and each
 * instance listens on one connection of its pool. Whichever instance holds the relay's lock then publishes at once,
 * so an event does not wait for the next poll because another instance took the write. The poll stays as the net
 * for a notification lost with a dropped connection.
 */
@ApplicationScoped
@IfBuildProperty(name = "casebook.events.enabled", stringValue = "true")
public class OutboxWakeUps {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUps.class);
    private static final int WAIT_MS = 1_000;

    private final AgroalDataSource database;
    private final OutboxRelay relay;
    private final String channel;
    private volatile boolean stopping;
    private Thread listener;

    public OutboxWakeUps(AgroalDataSource database, OutboxRelay relay,
                         @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.database = database;
        this.relay = relay;
        // A channel per service (they share a database); the name is ours, but only plain characters reach SQL.
        this.channel = "casebook_outbox_" + applicationName.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Tells every instance of this service, once the current transaction commits, that an event waits. */
    void announceInCurrentTransaction() {
        Panache.getEntityManager().createNativeQuery("SELECT 1 FROM pg_notify(:channel, '')")
                .setParameter("channel", channel)
                .getSingleResult();
    }

    void start(@Observes StartupEvent started) {
        listener = new Thread(this::listen, "outbox-wake-ups");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        if (listener != null) {
            // It gives its connection back within a wait, before the pool closes under it.
            try {
                listener.join(WAIT_MS + 500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen() {
        boolean lost = false;
        while (!stopping) {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN \"" + channel + "\"");
                if (lost) {
                    LOG.infof("Listening for other instances' events on %s again", channel);
                    lost = false;
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MS);
                    if (notifications != null && notifications.length > 0) {
                        relay.requestRun();
                    }
                }
            } catch (SQLException e) {
                if (!lost && !stopping) {
                    // The database is down or the connection dropped: the relay's poll carries on meanwhile.
                    LOG.infof("Not listening for other instances' events (%s); the relay polls meanwhile, and listening resumes"
                            + " with the database", e.getMessage());
                    lost = true;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
