package dev.casebook.gateway.security;

import dev.casebook.gateway.config.GatewayConfig;
import dev.casebook.platform.access.AccessVersions;
import dev.casebook.platform.observability.CasebookMeters;
import dev.casebook.platform.observability.MeterNames;
import dev.casebook.platform.security.Callers;
import io.micrometer.core.instrument.Counter;
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

import java.time.Clock;

/**
 * Checks the bearer token a request carries, with SmallRye JWT configured by the platform: signature
 * against auth-service's JWKS (fetched, cached, fetched again for an unknown key id), RS256 only, issuer,
 * audience ({@code mp.jwt.verify.audiences}: a token without Casebook's is refused), expiry and not-before with
 * a small clock skew, and that no access change has revoked it since (platform's {@link AccessVersions}). It only records the outcome as the request's
 * {@link Caller}; {@link Admission} decides what follows, after the rate limit has counted the request.
 *
 * <p>A token verified once is known by its hash until it expires ({@link VerifiedTokens}): its next requests skip
 * the signature check and stay on the event loop, and only the access versions, a map lookup, are asked again.
 */
@ApplicationScoped
public class BearerTokens implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class);
    private static final String ACCESS_KEY = "casebook.access";
    static final String SCHEME = "Bearer";

    private final JWTParser parser;
    private final AccessPolicy policy;
    private final AccessVersions accessVersions;
    private final VerifiedTokens verifiedTokens;
    private final Counter hits;
    private final Counter misses;

    public BearerTokens(JWTParser parser, AccessPolicy policy, AccessVersions accessVersions, GatewayConfig config,
                        CasebookMeters meters) {
        this.parser = parser;
        this.policy = policy;
        this.accessVersions = accessVersions;
        this.verifiedTokens = new VerifiedTokens(config.tokenCache().maxSize(), Clock.systemUTC());
        this.hits = meters.counter(MeterNames.GATEWAY_TOKEN_CACHE, "outcome", "hit");
        this.misses = meters.counter(MeterNames.GATEWAY_TOKEN_CACHE, "outcome", "miss");
        meters.gauge(MeterNames.GATEWAY_TOKEN_CACHE_SIZE, null, verifiedTokens, VerifiedTokens::size);
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
        TokenHash hash = TokenHash.of(token);
        VerifiedTokens.Verified known = verifiedTokens.find(hash);
        if (known != null) {
            hits.increment();
            if (accessVersions.stillHolds(known.subject(), known.accessVersion())) {
                admit(ctx, known.subject(), address);
            } else {
                verifiedTokens.forget(hash);
                refuseRevoked(ctx, address);
            }
            ctx.next();
            return;
        }
        misses.increment();
        // Off the event loop: the first check of a key id may fetch the JWKS from auth-service. Quarkus
        // holds the request body back until a handler reads it, so nothing is lost meanwhile.
        ctx.vertx().<JsonWebToken>executeBlocking(() -> parser.parse(token), false)
                .onComplete(verified -> {
                    if (verified.succeeded() && accessVersions.stillHolds(verified.result())) {
                        verifiedTokens.remember(hash, VerifiedTokens.Verified.of(verified.result()));
                        admit(ctx, verified.result().getSubject(), address);
                    } else if (verified.succeeded()) {
                        refuseRevoked(ctx, address);
                    } else {
                        // The reason stays here: the client only learns that it must log in again.
                        LOG.debugf("Refused an access token for %s %s: %s", ctx.request().method(), ctx.request().path(),
                                reason(verified.cause()));
                        Caller.refused(address).attachTo(ctx);
                    }
                    ctx.next();
                });
    }

    private static void admit(RoutingContext ctx, String subject, String address) {
        Caller.verified(subject, address).attachTo(ctx);
        // The rest of this request's log lines name the user (userId in the JSON logs); never the token.
        MDC.put(Callers.USER_LOG_KEY, subject);
    }

    private static void refuseRevoked(RoutingContext ctx, String address) {
        LOG.debugf("Refused a revoked access token for %s %s", ctx.request().method(), ctx.request().path());
        Caller.refused(address).attachTo(ctx);
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
