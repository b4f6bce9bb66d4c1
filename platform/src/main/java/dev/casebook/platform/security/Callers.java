package dev.casebook.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import org.jboss.logging.MDC;

import java.security.Principal;

/** The caller of the current request, read once from the verified access token. */
@RequestScoped
public class Callers {

    /** The log context key of the signed-in user's id. */
    public static final String USER_LOG_KEY = "userId";

    private final SecurityIdentity identity;
    private Caller current;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        if (current == null) {
            current = identity.isAnonymous() ? Caller.anonymous() : signedIn();
        }
        return current;
    }

    private Caller signedIn() {
        Principal principal = identity.getPrincipal();
        // The token's subject is the user id (what events call authorId); the principal's name is the username.
        String id = principal instanceof JsonWebToken token && token.getSubject() != null ? token.getSubject() : principal.getName();
        // Every log line of the rest of the request names the user (the JSON logs carry it as userId); an id, no token.
        MDC.put(USER_LOG_KEY, id);
        return Caller.signedIn(id, identity.getRoles());
    }
}
