package dev.casebook.platform.events;

import java.util.Objects;
import java.util.function.Function;

/**
 * One kind of event in a producer's contract: its owner (the CloudEvents source of the one service that writes it),
 * the topic it is written to, its CloudEvents type, the record that is its data, and how that data names its
 * aggregate (the record key, so one aggregate's events stay in order) and its subject. Producers emit data of this
 * type through {@link Outbox}, which refuses a type another service owns; consumers read it with
 * {@link EventHandlers}, and {@link EventPipeline} dead-letters one that does not come from its owner.
 *
 * @param <T> the record that is the event's data
 */
public final class EventType<T> {

    private final String source;
    private final String topic;
    private final String type;
    private final Class<T> dataType;
    private final Function<T, String> key;
    private final Function<T, String> subject;

    private EventType(String source, String topic, String type, Class<T> dataType, Function<T, String> key,
                      Function<T, String> subject) {
        this.source = source;
        this.topic = Objects.requireNonNull(topic);
        this.type = Objects.requireNonNull(type);
        this.dataType = Objects.requireNonNull(dataType);
        this.key = Objects.requireNonNull(key);
        this.subject = Objects.requireNonNull(subject);
    }

    /**
     * @param source  the owner: the CloudEvents source of the service that writes it, such as
     *                {@code /casebook/casestudy-service}
     * @param key     the aggregate's id, the record key
     * @param subject the CloudEvents subject, or a function answering null for none
     */
    public static <T> EventType<T> of(String source, String topic, String type, Class<T> dataType, Function<T, String> key,
                                      Function<T, String> subject) {
        return new EventType<>(Objects.requireNonNull(source), topic, type, dataType, key, subject);
    }

    /**
     * An event that tools outside Casebook write and a service only reads: it is never emitted, and has no one owner
     * (the broker's ACLs say who may write its topic).
     */
    public static <T> EventType<T> inbound(String topic, String type, Class<T> dataType) {
        Function<T, String> none = data -> {
            throw new IllegalStateException(type + " is written outside Casebook, not through the outbox");
        };
        return new EventType<>(null, topic, type, dataType, none, none);
    }

    /** The CloudEvents source of the one service that writes it; empty for an {@link #inbound} event. */
    public java.util.Optional<String> source() {
        return java.util.Optional.ofNullable(source);
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents type, such as {@code dev.casebook.casestudy.published.v1}. */
    public String type() {
        return type;
    }

    public Class<T> dataType() {
        return dataType;
    }

    String keyOf(T data) {
        return key.apply(data);
    }

    String subjectOf(T data) {
        return subject.apply(data);
    }

    @Override
    public String toString() {
        return type + " on " + topic;
    }
}
