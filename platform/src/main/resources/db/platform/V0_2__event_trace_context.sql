-- The W3C trace context of the work that wrote an outbox row, so that the relay publishes the event in the same
-- trace (the CloudEvents distributed-tracing extension: ce_traceparent, ce_tracestate). Rows written before stay NULL.
ALTER TABLE outbox_event
    ADD COLUMN traceparent VARCHAR(55),
    ADD COLUMN tracestate  VARCHAR(512);
