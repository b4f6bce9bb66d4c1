package dev.casebook.platform.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a write sent with an Idempotency-Key, as the client received it: status, body and the headers that
 * matter to it (Content-Type, Location, ETag).
 */
record RememberedAnswer(int status, String contentType, String location, String etag, byte[] body) {

    /** The answer as sent, the first time and every time it is given again. */
    Response toResponse(boolean replayed) {
        Response.ResponseBuilder response = Response.status(status);
        if (body != null && body.length > 0) {
            response.entity(body).type(contentType);
        }
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            response.header(HttpHeaders.ETAG, etag);
        }
        if (replayed) {
            response.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
