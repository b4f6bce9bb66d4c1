package dev.casebook.platform.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service's domain refuses, in the domain's words: not found, a conflict, a stale version, not allowed, not
 * known yet, invalid input. The domain knows nothing of HTTP or Kafka; platform answers each kind once, as a problem
 * to an HTTP client (problem.ProblemMappers) and as a retry or a dead letter to an event (events.EventPipeline).
 * The message is shown to the client, so it says what went wrong in the client's terms.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, StaleVersion, NotAllowed, RetryLater, InvalidInput, Unauthenticated {

    private final Map<String, Object> facts = new LinkedHashMap<>();

    protected DomainException(String message) {
        // No stack trace: a refusal is an answer, not a fault.
        super(message, null, false, false);
    }

    /** A fact that helps the caller put it right, such as {@code currentStatus}; a member of the problem. */
    public DomainException with(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
