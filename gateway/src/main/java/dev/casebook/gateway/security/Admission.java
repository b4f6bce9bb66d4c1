package dev.casebook.gateway.security;

import dev.casebook.platform.problem.ProblemException;
import dev.casebook.platform.problem.ProblemWriter;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns away what {@link AccessPolicy} and the caller's token do not allow, with the bearer challenge of
 * RFC 6750, worded as the services word it (platform's SecurityProblems). A refused token is refused on
 * public routes too: the client learns its token is bad instead of silently seeing less.
 */
@ApplicationScoped
public class Admission implements Handler<RoutingContext> {

    static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    static final String CHALLENGE = BearerTokens.SCHEME;
    static final String REFUSED_TOKEN_CHALLENGE = BearerTokens.SCHEME + " error=\"invalid_token\"";

    private final ProblemWriter problems;

    public Admission(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Access access = BearerTokens.accessOf(ctx);
        Caller caller = Caller.of(ctx);
        if (access != Access.NO_TOKEN_NEEDED && caller.token() == Caller.Token.REFUSED) {
            problems.send(ctx, new ProblemException(401,
                    "The access token is not valid (malformed, expired, revoked or not issued by Casebook); log in again")
                    .withHeader(WWW_AUTHENTICATE, REFUSED_TOKEN_CHALLENGE));
        } else if (access == Access.TOKEN_REQUIRED && caller.token() != Caller.Token.VERIFIED) {
            problems.send(ctx, new ProblemException(401,
                    "This request needs an access token: send 'Authorization: Bearer <token>'")
                    .withHeader(WWW_AUTHENTICATE, CHALLENGE));
        } else {
            ctx.next();
        }
    }
}
