package dev.casebook.gateway.routing;

import java.net.UnknownHostException;

/** No connection to a service could be made: refused, unknown host, or no answer to the connect in time. */
public class DownstreamUnreachable extends RuntimeException {

    private final String reason;

    public DownstreamUnreachable(Downstream downstream, Throwable cause) {
        this(downstream, cause, describe(cause));
    }

    private DownstreamUnreachable(Downstream downstream, Throwable cause, String reason) {
        // No stack trace: this is a state of the system, and the reason says all there is.
        super(downstream.name() + " at " + downstream.url() + " is not reachable: " + reason, cause, false, false);
        this.reason = reason;
    }

    /** Why, in a few words, such as "Connection refused: /127.0.0.1:8082". */
    public String reason() {
        return reason;
    }

    private static String describe(Throwable cause) {
        // An unknown host's message is the bare host name.
        return cause instanceof UnknownHostException ? "unknown host " + cause.getMessage() : cause.getMessage();
    }
}
