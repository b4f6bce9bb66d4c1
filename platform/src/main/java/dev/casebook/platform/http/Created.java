package dev.casebook.platform.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The 201 of every create. Its Location is a path, not a URL: behind the gateway a service's own host means nothing
 * to a client, and the path is the same at the gateway as at the service. (JAX-RS's {@code Response.created} would
 * make it a URL.)
 */
public final class Created {

    private Created() {
    }

    /** A 201 whose Location is {@code collection/id}, such as {@code /api/case-studies/0c7…}; add the body and build. */
    public static Response.ResponseBuilder at(String collection, Object id) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, collection + "/" + id);
    }
}
