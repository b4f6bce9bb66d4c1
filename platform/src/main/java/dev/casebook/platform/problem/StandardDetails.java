package dev.casebook.platform.problem;

import io.vertx.core.http.HttpServerRequest;

/** The details of problems the framework raises: said in the client's terms, never the framework's. */
final class StandardDetails {

    private StandardDetails() {
    }

    static String forStatus(int status, HttpServerRequest request) {
        String target = request.method() + " " + request.path();
        return switch (status) {
            case 400 -> "The request to " + target + " is malformed";
            case 404 -> "There is nothing at " + request.path();
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path();
            case 406 -> "None of the media types in Accept: " + request.getHeader("Accept") + " can be produced for " + request.path();
            case 413 -> "The body is larger than this service accepts";
            case 415 -> "Content type '" + request.getHeader("Content-Type") + "' is not supported by " + target;
            case 500 -> "An unexpected error occurred; quote the request id when reporting it";
            default -> ProblemType.title(status);
        };
    }
}
