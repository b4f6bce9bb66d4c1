package dev.casebook.metrics.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.casebook.platform.events.IncomingEvent;
import dev.casebook.platform.events.MalformedEventException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link CaseStudy} in step with casestudy-service's events. A case study is in analytics from its
 * {@code published} event until {@code unpublished}, {@code archived} or {@code deleted}; {@code deleted} also
 * takes its metrics and samples. Payloads are read leniently: members this service does not use may come and go.
 */
@ApplicationScoped
public class CaseStudyProjection {

    private static final Logger LOG = Logger.getLogger(CaseStudyProjection.class);
    private static final String TYPE_PREFIX = "dev.casebook.casestudy.";
    private static final String TYPE_SUFFIX = ".v1";
    private static final List<String> LAYERS = List.of("frontend", "backend", "infrastructure", "testing");

    public enum Action {
        CREATED, UPDATED, SUBMITTED, CHANGES_REQUESTED, PUBLISHED, UNPUBLISHED, ARCHIVED, DELETED;

        static Optional<Action> ofType(String type) {
            if (type == null || !type.startsWith(TYPE_PREFIX) || !type.endsWith(TYPE_SUFFIX)) {
                return Optional.empty();
            }
            String name = type.substring(TYPE_PREFIX.length(), type.length() - TYPE_SUFFIX.length());
            return Arrays.stream(values()).filter(a -> a.name().replace('_', '-').equalsIgnoreCase(name)).findFirst();
        }
    }

    /** What an event says about a case study, as far as metrics-service cares. */
    public record Change(Action action, UUID id, String slug, String status, String authorId, long version,
                         String title, String industry, Set<CaseStudy.Technology> technologies,
                         List<ReportedMetric> importedMetrics) {
    }

    private final ObjectMapper json;
    private final ObjectReader metricReader;
    private final MetricsDesk desk;

    public CaseStudyProjection(ObjectMapper json, MetricsDesk desk) {
        this.json = json;
        this.metricReader = json.readerFor(ReportedMetric.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.desk = desk;
    }

    /**
     * @return empty for an event type this service has no use for
     * @throws MalformedEventException when the event can never be applied
     */
    public Optional<Change> read(IncomingEvent event) {
        Optional<Action> action = Action.ofType(event.type());
        if (action.isEmpty()) {
            return Optional.empty();
        }
        JsonNode data;
        try {
            data = json.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") does not carry JSON: " + e.getOriginalMessage(), e);
        }
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") does not carry a JSON object");
        }
        UUID id = uuid(event, data.path("id"));
        if (action.get() == Action.DELETED) {
            return Optional.of(new Change(Action.DELETED, id, null, null, null, 0, null, null, Set.of(), List.of()));
        }
        String slug = required(event, data, "slug");
        String status = required(event, data, "status");
        String authorId = required(event, data, "authorId");
        long version = data.path("version").asLong();
        boolean published = action.get() == Action.PUBLISHED;
        return Optional.of(new Change(action.get(), id, slug, status, authorId, version,
                published ? text(data.path("title")) : null,
                published ? text(data.path("client").path("industry")) : null,
                published ? technologies(data.path("techStack")) : Set.of(),
                action.get() == Action.CREATED ? importedMetrics(event, data.path("metrics")) : List.of()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Change change) {
        if (change.action() == Action.DELETED) {
            // The schema cascades: its technologies, metrics table and samples go with it.
            Panache.getEntityManager().createNativeQuery("DELETE FROM case_study WHERE id = :id")
                    .setParameter("id", change.id()).executeUpdate();
            return;
        }
        CaseStudy caseStudy = CaseStudy.findById(change.id(), LockModeType.PESSIMISTIC_WRITE);
        if (caseStudy == null) {
            // Any event may be the first one seen (a created event lost to retention, say): each carries enough.
            caseStudy = new CaseStudy();
            caseStudy.id = change.id();
        }
        caseStudy.slug = change.slug();
        caseStudy.status = change.status();
        caseStudy.authorId = change.authorId();
        caseStudy.version = change.version();
        switch (change.action()) {
            case PUBLISHED -> {
                caseStudy.published = true;
                caseStudy.title = change.title();
                caseStudy.industry = change.industry();
                caseStudy.technologies.clear();
                caseStudy.technologies.addAll(change.technologies());
            }
            case UNPUBLISHED, ARCHIVED -> caseStudy.published = false;
            default -> {
                // a new working version; what is published stays until the next publish
            }
        }
        caseStudy.persist();
        if (change.action() == Action.CREATED && !change.importedMetrics().isEmpty()) {
            desk.adoptImported(caseStudy, change.importedMetrics());
        }
    }

    private static UUID uuid(IncomingEvent event, JsonNode id) {
        try {
            return UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") has no case study id");
        }
    }

    private static String required(IncomingEvent event, JsonNode data, String field) {
        String value = text(data.path(field));
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") lacks " + field);
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static Set<CaseStudy.Technology> technologies(JsonNode techStack) {
        Set<CaseStudy.Technology> entries = new LinkedHashSet<>();
        for (String layer : LAYERS) {
            for (JsonNode entry : techStack.path(layer)) {
                String name = text(entry);
                if (name != null && !name.isBlank()) {
                    entries.add(new CaseStudy.Technology(layer, name.strip()));
                }
            }
        }
        return entries;
    }

    // A row that cannot even be read is logged and left out, like a row a PUT would refuse; the case study still counts.
    private List<ReportedMetric> importedMetrics(IncomingEvent event, JsonNode metrics) {
        List<ReportedMetric> rows = new ArrayList<>();
        for (JsonNode row : metrics) {
            try {
                rows.add(metricReader.readValue(row));
            } catch (IOException e) {
                String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
                LOG.warnf("Imported metric %s of event %s cannot be read and is left out: %s", row, event.id(), reason);
                rows.add(null);
            }
        }
        return rows;
    }
}
