package dev.casebook.casestudy.contract;

import dev.casebook.platform.events.EventType;

import java.util.List;

/**
 * What casestudy-service tells other services about case studies, on topic {@value #TOPIC}, keyed by the case
 * study's id so that one case study's events stay in order, with its slug as the CloudEvents subject. Only
 * casestudy-service writes them, as {@value #SOURCE}: the broker lets no one else write the topic, and consumers
 * dead-letter an event from any other source.
 */
public final class CaseStudyEvents {

    public static final String TOPIC = "casestudy.events";
    /** The CloudEvents source of every event here: their owner. */
    public static final String SOURCE = "/casebook/casestudy-service";

    public static final EventType<CaseStudyChange> CREATED = change("created");
    public static final EventType<CaseStudyChange> UPDATED = change("updated");
    public static final EventType<CaseStudyChange> SUBMITTED = change("submitted");
    public static final EventType<CaseStudyPublished> PUBLISHED = EventType.of(SOURCE, TOPIC, type("published"),
            CaseStudyPublished.class, published -> published.id().toString(), CaseStudyPublished::slug);
    public static final EventType<CaseStudyChange> CHANGES_REQUESTED = change("changes-requested");
    public static final EventType<CaseStudyChange> UNPUBLISHED = change("unpublished");
    public static final EventType<CaseStudyChange> ARCHIVED = change("archived");
    public static final EventType<CaseStudyChange> DELETED = change("deleted");

    /** Every event on the topic, in the order of a case study's life. */
    public static final List<EventType<?>> ALL = List.of(CREATED, UPDATED, SUBMITTED, PUBLISHED, CHANGES_REQUESTED,
            UNPUBLISHED, ARCHIVED, DELETED);

    private CaseStudyEvents() {
    }

    private static EventType<CaseStudyChange> change(String action) {
        return EventType.of(SOURCE, TOPIC, type(action), CaseStudyChange.class, change -> change.id().toString(), CaseStudyChange::slug);
    }

    private static String type(String action) {
        return "dev.casebook.casestudy." + action + ".v1";
    }
}
