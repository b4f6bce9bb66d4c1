package dev.casebook.platform.access;

import dev.casebook.platform.events.EventType;

/**
 * What auth-service tells every verifier of its tokens, on topic {@value #TOPIC}, keyed by the user's id. The topic
 * is compacted: the last change of each user is all a verifier needs, so a verifier that starts reads it whole.
 * The contract lives in the platform, not in auth-service, because every service and the gateway read it.
 */
public final class AccessEvents {

    public static final String TOPIC = "auth.events";

    /** auth-service, the only writer of the topic (the broker lets no one else write it). */
    public static final String SOURCE = "/casebook/auth-service";

    public static final EventType<AccessChange> CHANGED = EventType.of(SOURCE, TOPIC, "dev.casebook.auth.access.changed.v1",
            AccessChange.class, change -> change.userId().toString(), change -> change.userId().toString());

    private AccessEvents() {
    }
}
