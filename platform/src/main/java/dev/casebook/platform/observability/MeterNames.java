package dev.casebook.platform.observability;

import java.util.List;

/**
 * The names of Casebook's own meters, in one place: the code registers them through {@link CasebookMeters}, and the
 * alert rules and the dashboard in {@code deploy/observability} may use only these (and the framework's own), which a
 * test checks. Prometheus shows each with dots as underscores, a counter with {@code _total}, a gauge with its unit.
 * Tags are bounded: a topic, a service, an outcome or a reason kind, never a user or case study id.
 */
public final class MeterNames {

    /** Gauge: outbox rows not yet acknowledged by the broker (per service; every instance reports its service's). */
    public static final String OUTBOX_BACKLOG = "casebook.outbox.backlog";
    /** Gauge, seconds: how long the oldest unpublished outbox row has waited; 0 when the outbox is empty. */
    public static final String OUTBOX_OLDEST_AGE = "casebook.outbox.oldest.age";
    /** Gauge: outbox rows parked because the broker refused them for good (they wait for an operator); 0 normally. */
    public static final String OUTBOX_PARKED_ROWS = "casebook.outbox.parked.rows";
    /** Counter, tag {@code topic}: outbox rows parked. */
    public static final String OUTBOX_PARKED = "casebook.outbox.parked";
    /** Counter, tag {@code topic}: events the broker acknowledged. */
    public static final String EVENTS_PUBLISHED = "casebook.events.published";
    /** Counter, tags {@code topic}, {@code consumer}: records a consumer took (applied, a repeat, or of no use to it). */
    public static final String EVENTS_CONSUMED = "casebook.events.consumed";
    /** Counter, tags {@code topic}, {@code consumer}, {@code reason} ({@code malformed} or {@code retries-exhausted}). */
    public static final String EVENTS_DEAD_LETTERED = "casebook.events.dead.lettered";
    /** Counter, tag {@code reason} ({@code bad-credentials}, {@code paused}): logins auth-service refused. */
    public static final String LOGINS_REFUSED = "casebook.logins.refused";
    /** Counter, tag {@code route} (the service's route: auth, case-studies, metrics): requests the gateway answered 429 because a caller's bucket was empty. */
    public static final String GATEWAY_RATE_LIMITED = "casebook.gateway.rate.limited";
    /** Gauge, tags {@code route}, {@code state} (closed, open, half-open): 1 for the state a service's breaker is in, else 0. */
    public static final String GATEWAY_CIRCUIT_STATE = "casebook.gateway.circuit.state";
    /**
     * Counter, tag {@code outcome} ({@code hit}: the gateway knew the access token from an earlier request and skipped
     * its signature check; {@code miss}: it verified the token afresh).
     */
    public static final String GATEWAY_TOKEN_CACHE = "casebook.gateway.token.cache";
    /** Gauge: access tokens the gateway keeps as verified (at most {@code casebook.gateway.token-cache.max-size}). */
    public static final String GATEWAY_TOKEN_CACHE_SIZE = "casebook.gateway.token.cache.size";
    /** Counter, tag {@code outcome} ({@code created}, {@code refused}): Markdown imports. */
    public static final String IMPORTS = "casebook.imports";
    /** Counter: case studies published. */
    public static final String PUBLISHES = "casebook.publishes";

    /** Every name above. */
    public static final List<String> ALL = List.of(OUTBOX_BACKLOG, OUTBOX_OLDEST_AGE, OUTBOX_PARKED_ROWS, OUTBOX_PARKED,
            EVENTS_PUBLISHED, EVENTS_CONSUMED,
            EVENTS_DEAD_LETTERED, LOGINS_REFUSED, GATEWAY_RATE_LIMITED, GATEWAY_CIRCUIT_STATE,
            GATEWAY_TOKEN_CACHE, GATEWAY_TOKEN_CACHE_SIZE, IMPORTS, PUBLISHES);

    private MeterNames() {
    }
}
