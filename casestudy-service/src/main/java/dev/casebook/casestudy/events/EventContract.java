package dev.casebook.casestudy.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casebook.casestudy.contract.CaseStudyChange;
import dev.casebook.casestudy.contract.CaseStudyEvents;
import dev.casebook.casestudy.contract.CaseStudyPublished;
import dev.casebook.platform.events.CloudEventHeaders;
import dev.casebook.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The AsyncAPI 3.0 description of {@value CaseStudyEvents#TOPIC}: every event type, its CloudEvents
 * headers and the JSON Schema of its payload, for the teams whose services subscribe.
 */
@ApplicationScoped
public class EventContract {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode document = build();

    public ObjectNode document() {
        return document;
    }

    private static ObjectNode build() {
        ObjectNode doc = NODES.objectNode();
        doc.put("asyncapi", "3.0.0");
        doc.putObject("info")
                .put("title", "Casebook case-study events")
                .put("version", "1.0.0")
                .put("description", "Every change to a case study, published by casestudy-service through a transactional "
                        + "outbox: at least once, in order per case study (the record key), as CloudEvents 1.0 in Kafka "
                        + "binary mode. Subscribers drop repeats by ce_id.");
        doc.put("defaultContentType", "application/json");
        ObjectNode channel = doc.putObject("channels").putObject("caseStudyEvents");
        channel.put("address", CaseStudyEvents.TOPIC);
        ObjectNode channelMessages = channel.putObject("messages");
        ObjectNode operation = doc.putObject("operations").putObject("publishCaseStudyEvents");
        operation.put("action", "send");
        operation.putObject("channel").put("$ref", "#/channels/caseStudyEvents");
        var operationMessages = operation.putArray("messages");

        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CaseStudyChange", JsonSchemas.of(CaseStudyChange.class));
        schemas.set("PublishedCaseStudy", JsonSchemas.of(CaseStudyPublished.class));
        schemas.set("CloudEventHeaders", cloudEventHeaders());
        ObjectNode messages = components.putObject("messages");
        for (EventType<?> type : CaseStudyEvents.ALL) {
            String name = actionOf(type);
            ObjectNode message = messages.putObject(name);
            message.put("name", type.type());
            message.put("title", "Case study " + name.replace('-', ' '));
            message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
            message.putObject("payload").put("$ref", "#/components/schemas/"
                    + (type.dataType() == CaseStudyPublished.class ? "PublishedCaseStudy" : "CaseStudyChange"));
            message.putObject("bindings").putObject("kafka")
                    .put("bindingVersion", "0.5.0")
                    .putObject("key").put("type", "string").put("format", "uuid").put("description", "The case study id");
            channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
            operationMessages.addObject().put("$ref", "#/channels/caseStudyEvents/messages/" + name);
        }
        return doc;
    }

    // dev.casebook.casestudy.changes-requested.v1 is the message "changes-requested".
    private static String actionOf(EventType<?> type) {
        String name = type.type();
        return name.substring(name.lastIndexOf("casestudy.") + "casestudy.".length(), name.lastIndexOf(".v"));
    }

    private static ObjectNode cloudEventHeaders() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject(CloudEventHeaders.SPEC_VERSION).put("type", "string").put("const", CloudEventHeaders.SPEC_VERSION_1_0);
        properties.putObject(CloudEventHeaders.ID).put("type", "string").put("format", "uuid").put("description", "Unique per event; drop repeats by it");
        properties.putObject(CloudEventHeaders.TYPE).put("type", "string").put("description", "dev.casebook.casestudy.<action>.v1");
        properties.putObject(CloudEventHeaders.SOURCE).put("type", "string").put("const", CaseStudyEvents.SOURCE);
        properties.putObject(CloudEventHeaders.TIME).put("type", "string").put("format", "date-time");
        properties.putObject(CloudEventHeaders.SUBJECT).put("type", "string").put("description", "The case study's slug");
        properties.putObject(CloudEventHeaders.REQUEST_ID).put("type", "string").put("description", "The request that caused the event");
        properties.putObject(CloudEventHeaders.TRACE_PARENT).put("type", "string").put("description",
                "CloudEvents distributed tracing: the W3C traceparent of the span that published the event; continue the trace from it");
        properties.putObject(CloudEventHeaders.TRACE_STATE).put("type", "string").put("description",
                "CloudEvents distributed tracing: the W3C tracestate that goes with ce_traceparent, when there is one");
        properties.putObject(CloudEventHeaders.CONTENT_TYPE).put("type", "string").put("const", CloudEventHeaders.JSON);
        schema.putArray("required").add(CloudEventHeaders.SPEC_VERSION).add(CloudEventHeaders.ID).add(CloudEventHeaders.TYPE).add(CloudEventHeaders.SOURCE).add(CloudEventHeaders.TIME);
        return schema;
    }
}
