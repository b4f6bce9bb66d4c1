package dev.casebook.platform.problem;

import dev.casebook.platform.requestid.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/** Turns a {@link ProblemException} into the JAX-RS response a client receives. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response toResponse(ProblemException problem, HttpServerRequest request) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem(request.path(), request.getHeader(RequestIds.HEADER)));
        problem.headers().forEach(response::header);
        return response.build();
    }
}
