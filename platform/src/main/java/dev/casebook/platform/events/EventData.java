package dev.casebook.platform.events;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How every reader of events checks one: that it comes from its owner and that its data is the contract's record.
 * {@link EventPipeline} uses it for the services' consumers, the access-change follower for auth.events.
 */
@ApplicationScoped
public class EventData {

    private final ObjectMapper json;
    private final Validator validator;

    public EventData(ObjectMapper json, Validator validator) {
        // A tolerant reader: members a producer adds later do not break its consumers.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
    }

    // The broker lets only the owner write its topic; this catches what its ACLs would not (a topic shared by mistake,
    // a principal with too many rights) and says so in the dead-letter topic.
    /** @throws MalformedEventException when the event does not come from the service that owns its type */
    public static void requireOwner(IncomingEvent event, EventType<?> type) {
        if (type.source().isPresent() && !type.source().get().equals(event.source())) {
            throw new MalformedEventException(event.describe() + " does not come from its owner " + type.source().get()
                    + " but from " + IncomingEvent.printable(event.source()));
        }
    }

    /**
     * The event's data as the contract's record, checked with Bean Validation.
     *
     * @throws MalformedEventException when it is not JSON, not that record, or not valid
     */
    public <T> T read(IncomingEvent event, EventType<T> type) {
        String what = nameOf(type.dataType());
        T data;
        try {
            data = json.readValue(event.data(), type.dataType());
        } catch (JsonParseException e) {
            throw new MalformedEventException(event.describe() + " holds no " + what + ": it does not carry JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(event.describe() + " holds no " + what + ": " + e.getOriginalMessage(), e);
        }
        if (data == null) {
            throw new MalformedEventException(event.describe() + " holds no " + what + ": its data is null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(event.describe() + " " + violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(EventData::explain).collect(Collectors.joining("; ")));
        }
        return data;
    }

    private static String explain(ConstraintViolation<?> violation) {
        Class<? extends Annotation> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        boolean missing = constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class;
        return missing ? "lacks " + violation.getPropertyPath() : violation.getPropertyPath() + " " + violation.getMessage();
    }

    // CaseStudyChange is "case study change": how the reason names what the data should have been.
    private static String nameOf(Class<?> type) {
        return type.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
    }
}
