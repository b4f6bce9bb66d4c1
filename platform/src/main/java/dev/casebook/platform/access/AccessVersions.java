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
        return stillHolds(token.getSubject(), versionOf(token));
    }

    /**
     * Whether a token of {@code subject} at {@code accessVersion} still holds: the same question for a token verified
     * earlier and remembered by what it said (the gateway's cache of verified tokens asks it at every request).
     */
    public boolean stillHolds(String subject, long accessVersion) {
        Long lowest = subject == null ? null : lowestValid.get(subject);
        return lowest == null || accessVersion >= lowest;
    }

    /** The token's access version; a token issued before versions existed counts as version 0. */
    public static long versionOf(JsonWebToken token) {
        Object claim = token.getClaim(CLAIM);
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return claim instanceof Number number ? number.longValue() : 0;
    }
}
