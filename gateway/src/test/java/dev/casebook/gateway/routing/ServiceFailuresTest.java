package dev.casebook.gateway.routing;

import dev.casebook.platform.problem.ProblemException;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceFailuresTest {

    private static final Downstream AUTH = new Downstream("auth", "/api/auth", List.of("127.0.0.1:8081"), false,
            Duration.ofMillis(1500));

    private static ProblemException problemFor(Throwable failure) {
        return ServiceFailures.toProblem(AUTH, failure, Duration.ofMillis(2500));
    }

    @Test
    void everyWayAConnectionGoesAwayBeforeTheAnswerIsUnavailable() {
        // CI met the reset: a service that closes while the gateway still sends a body.
        for (Throwable failure : List.of(new HttpClosedException("closed"), new StreamResetException(0),
                new IOException("Connection reset by peer"), new DownstreamUnreachable(AUTH, new ConnectException("refused")))) {
            ProblemException problem = problemFor(failure);
            assertEquals(503, problem.status(), failure.toString());
            assertEquals("auth is not available right now", problem.getMessage());
        }
    }

    @Test
    void anOpenCircuitSaysWhenToTryAgain() {
        ProblemException problem = problemFor(OpenCircuitException.INSTANCE);
        assertEquals(503, problem.status());
        assertEquals("3", problem.headers().get("Retry-After"));
    }

    @Test
    void aTimeoutIsAGatewayTimeoutThatNamesTheLimit() {
        ProblemException problem = problemFor(new TimeoutException());
        assertEquals(504, problem.status());
        assertEquals("auth did not answer within 1500 ms", problem.getMessage());
    }

    @Test
    void anythingElseIsABadGateway() {
        assertEquals(502, problemFor(new VertxException("invalid chunk")).status());
    }
}
