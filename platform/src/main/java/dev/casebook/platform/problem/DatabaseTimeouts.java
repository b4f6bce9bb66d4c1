package dev.casebook.platform.problem;

import dev.casebook.platform.database.DatabaseSettings;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The database's own limits reached while answering a request: a statement PostgreSQL cancelled after the statement
 * timeout ({@code casebook.database.statement-timeout}), or no free connection within the pool's acquisition timeout.
 * Neither is the client's fault nor a bug: the answer is a 503 that says to try again, and the log gets one line
 * without a stack trace.
 */
final class DatabaseTimeouts {

    /** PostgreSQL's query_canceled: the statement timeout, or an operator's pg_cancel_backend. */
    private static final String QUERY_CANCELED = "57014";
    private static final String RETRY_AFTER_SECONDS = "1";

    private DatabaseTimeouts() {
    }

    /** The answer for {@code failure} when one of the database's limits caused it. */
    static Optional<ProblemException> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return Optional.of(busy("The database did not finish this request within " + statementTimeout()
                        + "; try again in a moment"));
            }
            if (cause instanceof SQLException sql && isAcquisitionTimeout(sql)) {
                return Optional.of(busy("No database connection was free for this request; try again in a moment"));
            }
        }
        return Optional.empty();
    }

    private static boolean isAcquisitionTimeout(SQLException sql) {
        // Agroal's pool says so in its message, with the wait's TimeoutException as the cause.
        return sql.getCause() instanceof TimeoutException
                || (sql.getMessage() != null && sql.getMessage().toLowerCase().contains("acquisition timeout"));
    }

    private static ProblemException busy(String detail) {
        return new ProblemException(503, detail).withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    private static String statementTimeout() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(DatabaseSettings.class)
                .statementTimeout();
    }
}
