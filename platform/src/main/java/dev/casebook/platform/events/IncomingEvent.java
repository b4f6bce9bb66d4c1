package dev.casebook.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** A CloudEvent read from a Kafka record in binary content mode. */
public record IncomingEvent(String id, String type, String source, String subject, String time, String requestId,
                            String key, String data) {

    /** @throws MalformedEventException when the record is not a CloudEvent this platform can use */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null || record.value() == null) {
            throw new MalformedEventException("Record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: it needs ce_id, ce_type and data");
        }
        return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), header(record, CloudEventHeaders.TIME),
                header(record, CloudEventHeaders.REQUEST_ID), record.key(), record.value());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
