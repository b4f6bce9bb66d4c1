-- The W3C trace context of the work that wrote an outbox row, so that the relay publishes the event in the same
-- trace (the CloudEvents distributed-tracing extension: ce_traceparent, ce_tracestate). Rows written before stay NULL.
ALTER TABLE outbox_event
    ADD COLUMN traceparent VARCHAR(55),
    ADD COLUMN tracestate  VARCHAR(512);

-- A row the broker refuses for good (a record over its size limit, say) is parked after a few tries, with the
-- broker's reason, so that the rows after it flow; parked rows wait for an operator (README "Parked events").
ALTER TABLE outbox_event
    ADD COLUMN refusals    INT NOT NULL DEFAULT 0,
    ADD COLUMN parked_at   TIMESTAMPTZ,
    ADD COLUMN park_reason VARCHAR(2000);
DROP INDEX outbox_event_unpublished;
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_parked ON outbox_event (id) WHERE parked_at IS NOT NULL;

-- Remembered event ids are purged after their retention (EventPurges), oldest first.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
