package dev.casebook.platform.problem;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;

/** The problem types Casebook documents, each with a stable URI that clients can switch on. */
public final class ProblemType {

    private static final String BASE = "https://casebook.dev/problems/";

    public static final String VALIDATION_FAILED = "validation-failed";
    public static final String MALFORMED_BODY = "malformed-body";

    private static final Map<Integer, String> BY_STATUS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(412, "precondition-failed"),
            Map.entry(413, "content-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "unprocessable-content"),
            Map.entry(428, "precondition-required"),
            Map.entry(429, "too-many-requests"),
            Map.entry(500, "internal-error"),
            Map.entry(502, "bad-gateway"),
            Map.entry(503, "service-unavailable"),
            Map.entry(504, "gateway-timeout"));

    private ProblemType() {
    }

    public static URI uri(String name) {
        return URI.create(BASE + name);
    }

    /** The default type name for an HTTP status. */
    public static String forStatus(int status) {
        return BY_STATUS.getOrDefault(status, status >= 500 ? "internal-error" : "bad-request");
    }

    public static String title(int status) {
        if (status == 413) {
            return "Content Too Large"; // RFC 9110's name; JAX-RS still says "Request Entity Too Large"
        }
        if (status == 422) {
            return "Unprocessable Content";
        }
        if (status == 428) {
            return "Precondition Required";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : (status >= 500 ? "Server Error" : "Client Error");
    }
}
