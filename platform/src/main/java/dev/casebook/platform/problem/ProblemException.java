package dev.casebook.platform.problem;

import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.domain.InvalidInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by a service to answer with a problem: {@code throw new ProblemException(409, "...")}.
 * The detail is shown to the client, so it must say what went wrong in the client's terms.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private String type;
    private List<FieldError> errors = List.of();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String detail) {
        // No stack trace: this is an answer to a client, not a fault.
        super(detail, null, false, false);
        this.status = status;
        this.type = ProblemType.forStatus(status);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return DomainProblems.of(InvalidInput.of(errors));
    }

    public ProblemException withType(String type) {
        this.type = type;
        return this;
    }

    public ProblemException withErrors(List<FieldError> errors) {
        this.errors = List.copyOf(errors);
        return this;
    }

    /** A problem-specific member, such as {@code currentStatus}. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** A response header that belongs to this answer, such as {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance, String requestId) {
        return new Problem(ProblemType.uri(type), ProblemType.title(status), status, getMessage(), instance, requestId,
                errors, properties);
    }
}
