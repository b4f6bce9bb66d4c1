package dev.casebook.platform.problem;

import dev.casebook.platform.domain.FieldError;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The body of every error Casebook returns: RFC 9457 problem details, plus the request id and,
 * for invalid input, one entry per offending field. {@code properties} holds problem-specific
 * members (for example the current status of a case study) at the top level of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors, @JsonAnyGetter Map<String, Object> properties) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
