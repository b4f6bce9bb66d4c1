package dev.casebook.platform.requestid;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids tie together the logs, the error a client saw and the events a request caused.
 * One id travels on HTTP as {@value #HEADER}, in the log context as {@value #LOG_KEY}, and on Kafka
 * records as the CloudEvents extension attribute {@code requestid}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "requestId";

    // Kept short and plain so a client cannot inject text into logs or headers.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {
    }

    /** The id a client sent if it is well-formed, otherwise a fresh one. */
    public static String acceptOrCreate(String proposed) {
        return proposed != null && ACCEPTED.matcher(proposed).matches() ? proposed : UUID.randomUUID().toString();
    }

    public static boolean isWellFormed(String id) {
        return id != null && ACCEPTED.matcher(id).matches();
    }

    /** The request id of the work in progress, or null outside a request or event. */
    public static String current() {
        Object id = MDC.get(LOG_KEY);
        return id == null ? null : id.toString();
    }

    /** Makes {@code id} the current request id for logging and for events written from here on. */
    public static void use(String id) {
        if (id == null) {
            MDC.remove(LOG_KEY);
        } else {
            MDC.put(LOG_KEY, id);
        }
    }
}
