package dev.casebook.auth.domain;

import dev.casebook.auth.config.AccountSettings;
import dev.casebook.platform.database.SchemaMigrations;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Makes sure a fresh Casebook can be administered: when no admin exists, creates one from
 * {@code CASEBOOK_ADMIN_USERNAME} / {@code CASEBOOK_ADMIN_PASSWORD}. Waits for the schema when the database
 * is not there yet, as the migrations do.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    private static final String RETRY_EVERY = "2s";

    private final UserDirectory users;
    private final SchemaMigrations schema;
    private final AccountSettings.FirstAdmin settings;
    private volatile boolean settled;

    public FirstAdmin(UserDirectory users, @Readiness SchemaMigrations schema, AccountSettings settings) {
        this.users = users;
        this.schema = schema;
        this.settings = settings.firstAdmin();
    }

    // After SchemaMigrations' own start observer, so that a reachable database is migrated already.
    void atStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        settled = tryNow();
    }

    // Quarkus's scheduler tries again until the question is settled; after that a tick does nothing.
    @Scheduled(every = RETRY_EVERY, delayed = RETRY_EVERY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (!settled) {
            settled = tryNow();
        }
    }

    private synchronized boolean tryNow() {
        if (schema.call().getStatus() != HealthCheckResponse.Status.UP) {
            return false;
        }
        String username = settings.username();
        UserDirectory.FirstAdminOutcome outcome;
        try {
            outcome = users.createFirstAdmin(username, settings.password().orElse(null));
        } catch (RuntimeException e) {
            LOG.warnf("Could not check for an admin yet (%s); trying again in %s", e.getMessage(), RETRY_EVERY);
            return false;
        }
        switch (outcome) {
            case CREATED -> LOG.infof("Created the first admin, '%s'", username);
            case NO_PASSWORD -> LOG.warnf("No admin exists and CASEBOOK_ADMIN_PASSWORD is not set, so none was created;"
                    + " set it (and CASEBOOK_ADMIN_USERNAME, default 'admin') and restart to create '%s'", username);
            case PASSWORD_REFUSED -> LOG.warnf("No admin exists and CASEBOOK_ADMIN_PASSWORD is unusable (it needs at least"
                    + " %d characters and at most %d bytes), so '%s' was not created", PasswordRule.MIN_LENGTH,
                    PasswordRule.MAX_BYTES, username);
            case USERNAME_TAKEN -> LOG.warnf("No admin exists, and '%s' is taken by a user who is not an admin;"
                    + " set CASEBOOK_ADMIN_USERNAME to another name to create the first admin", username);
            case ADMIN_EXISTS -> LOG.debug("An admin exists; no first admin needed");
        }
        return true;
    }
}
