package dev.casebook.gateway.routing;

import dev.casebook.platform.problem.ProblemException;
import io.vertx.core.http.HttpClosedException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Says, in the client's terms, why a service could not answer through the gateway. */
final class ServiceFailures {

    private ServiceFailures() {
    }

    static ProblemException toProblem(Downstream downstream, Throwable failure) {
        if (isUnavailable(failure)) {
            return new ProblemException(503, downstream.name() + " is not available right now");
        }
        if (failure instanceof TimeoutException) {
            return new ProblemException(504, downstream.name() + " did not answer within " + seconds(downstream.timeout()));
        }
        return new ProblemException(502, downstream.name() + " gave an answer the gateway could not pass on");
    }

    /** Not reachable at all, or the connection went away (reset, closed) before an answer came. */
    static boolean isUnavailable(Throwable failure) {
        return failure instanceof DownstreamUnreachable
                || failure instanceof HttpClosedException
                || failure instanceof IOException;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
