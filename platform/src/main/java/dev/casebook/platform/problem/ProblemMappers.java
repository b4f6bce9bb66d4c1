package dev.casebook.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.casebook.platform.domain.DomainException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.channels.ClosedChannelException;

/**
 * Maps every exception that reaches a resource boundary to one problem+json answer, so that no
 * framework default (plain text, HTML, a stack trace) ever reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException problem, HttpServerRequest request) {
        return ProblemResponses.toResponse(problem, request);
    }

    @ServerExceptionMapper
    public Response refused(DomainException refusal, HttpServerRequest request) {
        return ProblemResponses.toResponse(DomainProblems.of(refusal), request);
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException violations, HttpServerRequest request) {
        return ProblemResponses.toResponse(ProblemException.invalid(Violations.toFieldErrors(violations)), request);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return ProblemResponses.toResponse(JsonFieldErrors.toProblem(e), request);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, request); // Quarkus wraps most Jackson errors in a plain 400
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request %s %s failed", request.method(), request.path());
        }
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; the client sent a malformed value
            return ProblemResponses.toResponse(new ProblemException(400,
                    "A parameter of " + request.method() + " " + request.path() + " has the wrong form: " + e.getCause().getMessage()), request);
        }
        ProblemException problem = new ProblemException(status, StandardDetails.forStatus(status, request));
        if (status == 405 && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            problem.withHeader(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return ProblemResponses.toResponse(problem, request);
    }

    @ServerExceptionMapper
    public Response tooLarge(BoundedBodies.TooLarge e, HttpServerRequest request) {
        return ProblemResponses.toResponse(e.problem(), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        var databaseLimit = DatabaseTimeouts.of(e);
        if (databaseLimit.isPresent()) {
            LOG.warnf("Request %s %s answered 503: %s", request.method(), request.path(), databaseLimit.get().getMessage());
            return ProblemResponses.toResponse(databaseLimit.get(), request);
        }
        if (connectionClosed(e)) {
            // The client (or the gateway for it) went away while sending the body: nothing failed here, and the answer
            // has nobody to reach.
            LOG.debugf("Request %s %s: its connection closed before its body was read", request.method(), request.path());
            return ProblemResponses.toResponse(new ProblemException(400,
                    "The request's body ended early: its connection closed while it was being sent"), request);
        }
        // The client gets the request id, the log gets the cause: never the other way round.
        LOG.errorf(e, "Request %s %s failed", request.method(), request.path());
        return ProblemResponses.toResponse(new ProblemException(500, StandardDetails.forStatus(500, request)), request);
    }

    private static boolean connectionClosed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // Vert.x says so either way, depending on when in the read the connection goes.
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
