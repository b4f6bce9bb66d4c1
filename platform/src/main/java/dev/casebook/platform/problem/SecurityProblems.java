package dev.casebook.platform.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals by Quarkus security as problems, replacing Quarkus's empty 401 and 403: a 401 carries the bearer
 * challenge of RFC 6750 ({@code error="invalid_token"} when a token was sent but refused), a 403 says what was
 * refused. Why a token was refused stays in the server: a client only learns that it must log in again.
 */
public class SecurityProblems {

    static final String CHALLENGE = "Bearer";
    static final String REFUSED_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    @ServerExceptionMapper
    public Response notAuthenticated(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return ProblemResponses.toResponse(new ProblemException(403,
                "Your roles do not allow " + request.method() + " " + request.path()), request);
    }

    private static Response unauthorized(HttpServerRequest request) {
        ProblemException problem = sentBearerToken(request)
                ? new ProblemException(401, "The access token is not valid (malformed, expired, revoked or not issued by Casebook); log in again")
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, REFUSED_TOKEN_CHALLENGE)
                : new ProblemException(401, "This request needs an access token: send 'Authorization: Bearer <token>'")
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        return ProblemResponses.toResponse(problem, request);
    }

    private static boolean sentBearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, CHALLENGE + " ", 0, CHALLENGE.length() + 1);
    }
}
