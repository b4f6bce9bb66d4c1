-- Shared by every service that publishes or consumes events; created in the service's own schema.

-- Transactional outbox: a row is written in the same transaction as the change it describes,
-- and the relay publishes rows to Kafka in id order, marking them only after the broker acknowledged.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(249) NOT NULL,
    record_key   VARCHAR(200) NOT NULL,
    type         VARCHAR(200) NOT NULL,
    subject      VARCHAR(200),
    occurred_at  TIMESTAMPTZ  NOT NULL,
    request_id   VARCHAR(128),
    data         TEXT         NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Idempotent consumers remember which events took effect, in the same transaction as the effect.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
