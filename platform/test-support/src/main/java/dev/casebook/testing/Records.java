package dev.casebook.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what Kafka records carry in their headers: the CloudEvent attributes and the dead-letter reasons. */
public final class Records {

    private Records() {
    }

    /** The last header {@code name} as text, or null when the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The CloudEvent type, such as {@code dev.casebook.casestudy.published.v1}. */
    public static String type(ConsumerRecord<?, ?> record) {
        return header(record, "ce_type");
    }

    /** The records without repeats of an event id (delivery is at least once; consumers drop repeats by id). */
    public static List<ConsumerRecord<String, String>> distinct(List<ConsumerRecord<String, String>> records) {
        Map<String, ConsumerRecord<String, String>> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.putIfAbsent(header(r, "ce_id"), r));
        return new ArrayList<>(byId.values());
    }

    /** One line per record (key, type, event id), for an assertion's message. */
    public static String describe(List<ConsumerRecord<String, String>> records) {
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(r.key()).append(' ').append(type(r)).append(' ').append(header(r, "ce_id")).append('\n'));
        return text.toString();
    }
}
