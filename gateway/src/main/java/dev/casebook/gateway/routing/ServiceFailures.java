package dev.casebook.gateway.routing;

import dev.casebook.platform.problem.ProblemException;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Says, in the client's terms, why a service could not answer through the gateway. */
final class ServiceFailures {

    private ServiceFailures() {
    }

    /**
     * @param openFor how long an open circuit stays open: when the gateway has stopped trying, the client
     *                is told to wait that long ({@code Retry-After}) rather than retry at once
     */
    static ProblemException toProblem(Downstream downstream, Throwable failure, Duration openFor) {
        if (failure instanceof OpenCircuitException) {
            return unavailable(downstream).withHeader("Retry-After", Long.toString(Math.max(1, ceilSeconds(openFor))));
        }
        if (isUnavailable(failure)) {
            return unavailable(downstream);
        }
        if (failure instanceof TimeoutException) {
            return new ProblemException(504, downstream.name() + " did not answer within " + seconds(downstream.timeout()));
        }
        return new ProblemException(502, downstream.name() + " gave an answer the gateway could not pass on");
    }

    /**
     * Not reachable at all, or the connection went away (reset, closed) before an answer came. A service that
     * closes while the gateway still sends the body surfaces as a stream reset rather than as the close: the
     * proxy resets the request when its body cannot be written, and that failure may come first.
     */
    static boolean isUnavailable(Throwable failure) {
        return failure instanceof DownstreamUnreachable || connectionWentAway(failure);
    }

    /** The connection closed or was reset under a request already on its way. */
    static boolean connectionWentAway(Throwable failure) {
        return failure instanceof HttpClosedException
                || failure instanceof StreamResetException
                || failure instanceof IOException;
    }

    /** What the circuit breaker counts: the service could not answer, or not in time. */
    static boolean countsAgainstService(Throwable failure) {
        return isUnavailable(failure) || failure instanceof TimeoutException;
    }

    private static ProblemException unavailable(Downstream downstream) {
        return new ProblemException(503, downstream.name() + " is not available right now");
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
