package dev.casebook.platform.events;

import dev.casebook.platform.requestid.RequestIds;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/**
 * A CloudEvent read from a Kafka record in binary content mode.
 *
 * @param where the record's place, {@code topic/partition@offset}, for messages about it
 */
public record IncomingEvent(String id, String type, String source, String subject, String time, String requestId,
                            String key, String data, String where) {

    private static final int MAX_ID = 200; // what processed_event keeps

    /** @throws MalformedEventException when the record is not a CloudEvent this platform can use */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null || record.value() == null) {
            throw new MalformedEventException("Record at " + where(record) + " is not a CloudEvent: it needs ce_id, ce_type and data");
        }
        return of(record, id, type);
    }

    /** A record written without CloudEvents headers, taken as an event of {@code type}; its id is its place in the topic. */
    static IncomingEvent plain(ConsumerRecord<String, String> record, String type) {
        String id = header(record, CloudEventHeaders.ID);
        return of(record, id != null ? id : record.topic() + "/" + record.partition() + "/" + record.offset(),
                header(record, CloudEventHeaders.TYPE) != null ? header(record, CloudEventHeaders.TYPE) : type);
    }

    private static IncomingEvent of(ConsumerRecord<String, String> record, String id, String type) {
        if (id.length() > MAX_ID) {
            throw new MalformedEventException("Record " + where(record) + " has a ce_id longer than " + MAX_ID + " characters");
        }
        // A request id reaches every log line of the event's effect: only a well-formed one is taken, as over HTTP.
        String requestId = header(record, CloudEventHeaders.REQUEST_ID);
        return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), header(record, CloudEventHeaders.TIME),
                RequestIds.isWellFormed(requestId) ? requestId : null, record.key(), record.value(), where(record));
    }

    /**
     * The event in a message (a log line, a dead-letter reason): its id and type, as text that cannot forge a line.
     * Every other header that reaches a message goes through {@link #printable} too (the source, the key).
     */
    public String describe() {
        return "Event " + printable(id) + " (" + printable(type) + ")";
    }

    /** Text from a record as it may go into a log line: control characters shown as '?', at most 200 characters. */
    public static String printable(String text) {
        return printable(text, MAX_ID);
    }

    /**
     * Text that may quote a record (a header, a parser's message about its data) as it may go into a log line or a
     * header: control characters, line and paragraph separators shown as '?', at most {@code max} characters.
     */
    public static String printable(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            boolean breaksLines = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            safe.append(breaksLines ? '?' : c);
        }
        return text.length() > max ? safe + "…" : safe.toString();
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
