package dev.casebook.metrics;

import dev.casebook.testing.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * casestudy-service as metrics-service sees it: CloudEvents on casestudy.events, produced here with the headers
 * and payloads of the contract. Each helper waits until the projection applied the event.
 */
final class CaseStudies {

    static final String TOPIC = "casestudy.events";
    private static final Map<UUID, Known> KNOWN = new ConcurrentHashMap<>();
    private static final Map<UUID, Published> PUBLISHED = new ConcurrentHashMap<>();

    private record Published(String title, String industry, Map<String, List<String>> techStack) {
    }

    private record Known(String slug, String authorId, long version) {
    }

    private CaseStudies() {
    }

    /** A new draft of {@code authorId}. */
    static UUID draft(String authorId) {
        return created(authorId, null);
    }

    /** A new draft imported from Markdown with these metrics rows (a JSON array), or none when null. */
    static UUID created(String authorId, String metricsJson) {
        UUID id = UUID.randomUUID();
        KNOWN.put(id, new Known("case-" + id, authorId, 0));
        awaitApplied(send(id, "created", change(id, "DRAFT", metricsJson == null ? "" : ", \"metrics\": " + metricsJson)));
        return id;
    }

    static void submit(UUID id) {
        awaitApplied(send(id, "submitted", next(id, "IN_REVIEW")));
    }

    /** Submitted and published, with the published document's title, industry and tech stack. */
    static UUID published(String authorId, String title, String industry, Map<String, List<String>> techStack) {
        UUID id = draft(authorId);
        submit(id);
        publish(id, title, industry, techStack);
        return id;
    }

    /**
     * Published again, as after a review of new numbers: metrics set since the last publish become public. (Tests
     * that set a published case study's metrics republish it, as casestudy-service's workflow would.)
     */
    static boolean wasPublished(UUID id) {
        return PUBLISHED.containsKey(id);
    }

    static void republish(UUID id) {
        Published last = PUBLISHED.get(id);
        publish(id, last.title(), last.industry(), last.techStack());
    }

    static void publish(UUID id, String title, String industry, Map<String, List<String>> techStack) {
        PUBLISHED.put(id, new Published(title, industry, techStack));
        Known known = bump(id);
        String stack = techStack.entrySet().stream()
                .map(layer -> "\"" + layer.getKey() + "\": " + layer.getValue().stream().map(t -> "\"" + t + "\"")
                        .collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "{", "}"));
        String now = Instant.now().toString();
        String document = """
                {"id": "%s", "slug": "%s", "status": "PUBLISHED", "version": %d, "authorId": "%s",
                 "createdAt": "%s", "updatedAt": "%s", "publishedAt": "%s", "title": "%s",
                 "client": {"name": "Someone", "industry": %s}, "summary": "It went well.",
                 "techStack": %s, "tags": ["performance"], "lessons": {"insights": ["Measure first"]}}"""
                .formatted(id, known.slug(), known.version(), known.authorId(), now, now, now, title,
                        industry == null ? "null" : "\"" + industry + "\"", stack);
        awaitApplied(send(id, "published", document));
    }

    /** The author edits a published case study: a new draft, the published copy stays. */
    static void update(UUID id) {
        awaitApplied(send(id, "updated", next(id, "DRAFT")));
    }

    static void unpublish(UUID id) {
        awaitApplied(send(id, "unpublished", next(id, "DRAFT")));
    }

    static void archive(UUID id) {
        awaitApplied(send(id, "archived", next(id, "ARCHIVED")));
    }

    static void delete(UUID id) {
        awaitApplied(send(id, "deleted", next(id, KNOWN.get(id).version() == 0 ? "DRAFT" : "ARCHIVED")));
    }

    /** Sends one CloudEvent of this action with this data; returns its id. */
    static String send(UUID id, String action, String data) {
        return send(id, UUID.randomUUID().toString(), action, data);
    }

    static String send(UUID id, String eventId, String action, String data) {
        Topics.ofThisService().send(TOPIC, id.toString(), data,
                "ce_specversion", "1.0",
                "ce_id", eventId,
                "ce_type", "dev.casebook.casestudy." + action + ".v1",
                "ce_source", "/casebook/casestudy-service",
                "ce_time", Instant.now().toString(),
                "ce_subject", KNOWN.containsKey(id) ? KNOWN.get(id).slug() : id.toString(),
                "ce_requestid", "test-" + eventId,
                "content-type", "application/json");
        return eventId;
    }

    /** Data of a change event at the case study's current version. */
    static String change(UUID id, String status, String extra) {
        Known known = KNOWN.get(id);
        return """
                {"id": "%s", "slug": "%s", "status": "%s", "version": %d, "authorId": "%s", "changed": ["status"], "comment": null%s}"""
                .formatted(id, known.slug(), status, known.version(), known.authorId(), extra);
    }

    private static String next(UUID id, String status) {
        bump(id);
        return change(id, status, "");
    }

    private static Known bump(UUID id) {
        return KNOWN.compute(id, (key, known) -> new Known(known.slug(), known.authorId(), known.version() + 1));
    }

    static String slugOf(UUID id) {
        return KNOWN.get(id).slug();
    }

    static void awaitApplied(String eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> processed(eventId) > 0);
    }

    static long processed(String eventId) {
        return Database.count("SELECT count(*) FROM processed_event WHERE consumer = 'case-study-projection' AND event_id = ?", eventId);
    }
}
