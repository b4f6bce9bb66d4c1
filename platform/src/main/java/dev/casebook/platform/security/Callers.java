package dev.casebook.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;

/** The caller of the current request, read once from the verified access token. */
@RequestScoped
public class Callers {

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
        return Caller.signedIn(id, identity.getRoles());
    }
}
