package dev.casebook.platform.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lowest access version each user's tokens must carry, as auth-service's access changes say; a user who never
 * had one is not listed, and all their tokens hold. Every verifier (the gateway, each service) asks this before it
 * believes a token that passed its signature and expiry checks.
 */
@ApplicationScoped
public class AccessVersions {

    /** The claim in which auth-service writes the user's access version when it issues a token. */
    public static final String CLAIM = "access_version";

    private final Map<String, Long> lowestValid = new ConcurrentHashMap<>();

    /** Takes in a change; one with a lower version than already known changes nothing. */
    public void learn(AccessChange change) {
        lowestValid.merge(change.userId().toString(), change.accessVersion(), Math::max);
    }

    /** Whether a verified token still holds: it was issued after the last change of its subject's access. */
    public boolean stillHolds(JsonWebToken token) {
        Long lowest = token.getSubject() == null ? null : lowestValid.get(token.getSubject());
        return lowest == null || versionOf(token) >= lowest;
    }

    /** The token's access version; a token issued before versions existed counts as version 0. */
    static long versionOf(JsonWebToken token) {
        Object claim = token.getClaim(CLAIM);
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return claim instanceof Number number ? number.longValue() : 0;
    }
}
