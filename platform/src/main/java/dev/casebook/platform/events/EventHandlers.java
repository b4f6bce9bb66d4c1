package dev.casebook.platform.events;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one consumer does with each type of event it reads, one handler per type; events of the topic's other types
 * that it names as {@link #ignoring ignored} pass by. An event of a type it does not know at all is dead-lettered:
 * no contract declares it. The consumer's name keys its memory of processed events, so it must stay stable.
 */
public final class EventHandlers {

    /** The effect of one event: a few lines in the consumer's own terms. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(T data, IncomingEvent event);
    }

    record Registered<T>(EventType<T> type, Handler<? super T> handler) {

        void handle(Object data, IncomingEvent event) {
            handler.handle(type.dataType().cast(data), event);
        }
    }

    private final String consumer;
    private final Map<String, Registered<?>> byType = new LinkedHashMap<>();
    private final Set<String> ignored = new HashSet<>();
    private EventType<?> plainRecords;

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    /** @param consumer a stable name for the effect, such as {@code case-study-projection} */
    public static EventHandlers of(String consumer) {
        return new EventHandlers(consumer);
    }

    public <T> EventHandlers on(EventType<T> type, Handler<? super T> handler) {
        if (byType.putIfAbsent(type.type(), new Registered<>(type, handler)) != null) {
            throw new IllegalArgumentException(consumer + " handles " + type + " twice");
        }
        return this;
    }

    /** Types of the topic's contract this consumer has no use for: they pass by, unlike types no contract declares. */
    public EventHandlers ignoring(Collection<? extends EventType<?>> types) {
        types.stream().filter(type -> !byType.containsKey(type.type())).forEach(type -> ignored.add(type.type()));
        return this;
    }

    /**
     * Also takes records without CloudEvents headers, as {@code type}: for topics that tools outside Casebook write.
     * Such a record's id is its place in the topic, which a redelivery repeats.
     */
    public EventHandlers plainRecordsAre(EventType<?> type) {
        if (!byType.containsKey(type.type())) {
            throw new IllegalArgumentException(consumer + " takes plain records as " + type + " but has no handler for it");
        }
        if (type.source().isPresent()) {
            // A plain record names no source, so it cannot be an event of a Casebook service, which must name its own.
            throw new IllegalArgumentException(consumer + " takes plain records as " + type + ", which is owned by "
                    + type.source().get() + "; only an inbound type can be taken from plain records");
        }
        this.plainRecords = type;
        return this;
    }

    String consumer() {
        return consumer;
    }

    /** The topics of the types it handles. */
    Set<String> topics() {
        Set<String> topics = new java.util.TreeSet<>();
        byType.values().forEach(registered -> topics.add(registered.type().topic()));
        return topics;
    }

    Optional<EventType<?>> plainRecords() {
        return Optional.ofNullable(plainRecords);
    }

    Optional<Registered<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    boolean ignores(String type) {
        return ignored.contains(type);
    }
}
