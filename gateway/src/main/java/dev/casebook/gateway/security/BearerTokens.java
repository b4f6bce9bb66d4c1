package dev.casebook.gateway.security;

import dev.casebook.platform.security.Callers;
import dev.casebook.platform.access.AccessVersions;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Checks the bearer token a request carries, with SmallRye JWT configured by the platform: signature
 * against auth-service's JWKS (fetched, cached, fetched again for an unknown key id), RS256 only, issuer,
 * audience ({@code mp.jwt.verify.audiences}: a token without Casebook's is refused), expiry and not-before with
 * a small clock skew, and that no access change has revoked it since (platform's {@link AccessVersions}). It only records the outcome as the request's
 * {@link Caller}; {@link Admission} decides what follows, after the rate limit has counted the request.
 */
@ApplicationScoped
public class BearerTokens implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class);
    private static final String ACCESS_KEY = "casebook.access";
    static final String SCHEME = "Bearer";

    private final JWTParser parser;
    private final AccessPolicy policy;
    private final AccessVersions accessVersions;

    public BearerTokens(JWTParser parser, AccessPolicy policy, AccessVersions accessVersions) {
        this.parser = parser;
        this.policy = policy;
        this.accessVersions = accessVersions;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Access access = policy.of(ctx.request().method(), ctx.normalizedPath());
        ctx.put(ACCESS_KEY, access);
        String address = clientAddress(ctx);
        String token = bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (access == Access.NO_TOKEN_NEEDED || token == null) {
            Caller.anonymous(address).attachTo(ctx);
            ctx.next();
            return;
        }
        // Off the event loop: the first check of a key id may fetch the JWKS from auth-service. Quarkus
        // holds the request body back until a handler reads it, so nothing is lost meanwhile.
        ctx.vertx().<JsonWebToken>executeBlocking(() -> parser.parse(token), false)
                .onComplete(verified -> {
                    if (verified.succeeded() && accessVersions.stillHolds(verified.result())) {
                        Caller.verified(verified.result().getSubject(), address).attachTo(ctx);
                        // The rest of this request's log lines name the user (userId in the JSON logs); never the token.
                        MDC.put(Callers.USER_LOG_KEY, verified.result().getSubject());
                    } else if (verified.succeeded()) {
                        LOG.debugf("Refused a revoked access token for %s %s", ctx.request().method(), ctx.request().path());
                        Caller.refused(address).attachTo(ctx);
                    } else {
                        // The reason stays here: the client only learns that it must log in again.
                        LOG.debugf("Refused an access token for %s %s: %s", ctx.request().method(), ctx.request().path(),
                                reason(verified.cause()));
                        Caller.refused(address).attachTo(ctx);
                    }
                    ctx.next();
                });
    }

    static Access accessOf(RoutingContext ctx) {
        return ctx.get(ACCESS_KEY);
    }

    /** The token of an {@code Authorization: Bearer <token>} header; null for no header or another scheme. */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return null;
        }
        return authorization.substring(SCHEME.length() + 1).trim();
    }

    private static String clientAddress(RoutingContext ctx) {
        SocketAddress remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof ParseException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
