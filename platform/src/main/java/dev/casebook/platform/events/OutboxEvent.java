package dev.casebook.platform.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An event waiting in the outbox, or already published when {@code publishedAt} is set. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(nullable = false)
    public String type;

    public String subject;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "request_id")
    public String requestId;

    @Column(nullable = false, columnDefinition = "text")
    public String data;

    /** The W3C trace context of the span that wrote the row (EventTracing), or null outside a trace. */
    public String traceparent;

    public String tracestate;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** How often the broker refused the row for good (OutboxRelay parks it after a few). */
    public int refusals;

    /** Set when the row was parked: the relay no longer sends it, and the rows after it flow. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason")
    public String parkReason;

    static List<OutboxEvent> nextUnpublished(int limit) {
        return find("publishedAt is null and parkedAt is null order by id").page(0, limit).list();
    }
}
