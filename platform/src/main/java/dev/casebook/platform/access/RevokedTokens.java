package dev.casebook.platform.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses, in every service, a verified token that an access change has revoked: the caller then gets the same 401
 * as for an expired token (platform's SecurityProblems), whichever route it called.
 */
@ApplicationScoped
public class RevokedTokens implements SecurityIdentityAugmentor {

    private final AccessVersions versions;

    public RevokedTokens(AccessVersions versions) {
        this.versions = versions;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && !versions.stillHolds(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The access token was revoked"));
        }
        return Uni.createFrom().item(identity);
    }
}
