package dev.casebook.auth.domain;

import dev.casebook.platform.access.AccessChange;
import dev.casebook.platform.access.AccessEvents;
import dev.casebook.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Ends the access tokens a user already holds: their access version goes up, and every verifier hears of it
 * through the outbox, in the same transaction as the change that made the tokens wrong.
 */
@ApplicationScoped
public class AccessRevocations {

    private final Outbox outbox;

    public AccessRevocations(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Runs in the caller's transaction. */
    void revoke(User user, AccessChange.Reason reason, Instant now) {
        user.accessVersion++;
        user.updatedAt = now;
        outbox.emit(AccessEvents.CHANGED, new AccessChange(user.id, user.accessVersion, reason, now));
    }
}
