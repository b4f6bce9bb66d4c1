package dev.casebook.casestudy.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casebook.casestudy.api.CaseStudyView;
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
        schemas.set("CaseStudyChange", JsonSchemas.of(CaseStudyEvents.Change.class));
        schemas.set("PublishedCaseStudy", JsonSchemas.of(CaseStudyView.class));
        schemas.set("CloudEventHeaders", cloudEventHeaders());
        ObjectNode messages = components.putObject("messages");
        for (CaseStudyEvents.Action action : CaseStudyEvents.Action.values()) {
            String name = action.name().toLowerCase().replace('_', '-');
            ObjectNode message = messages.putObject(name);
            message.put("name", action.type());
            message.put("title", "Case study " + name.replace('-', ' '));
            message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
            message.putObject("payload").put("$ref", "#/components/schemas/"
                    + (action == CaseStudyEvents.Action.PUBLISHED ? "PublishedCaseStudy" : "CaseStudyChange"));
            message.putObject("bindings").putObject("kafka")
                    .put("bindingVersion", "0.5.0")
                    .putObject("key").put("type", "string").put("format", "uuid").put("description", "The case study id");
            channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
            operationMessages.addObject().put("$ref", "#/channels/caseStudyEvents/messages/" + name);
        }
        return doc;
    }

    private static ObjectNode cloudEventHeaders() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        properties.putObject("ce_id").put("type", "string").put("format", "uuid").put("description", "Unique per event; drop repeats by it");
        properties.putObject("ce_type").put("type", "string").put("description", "dev.casebook.casestudy.<action>.v1");
        properties.putObject("ce_source").put("type", "string").put("const", "/casebook/casestudy-service");
        properties.putObject("ce_time").put("type", "string").put("format", "date-time");
        properties.putObject("ce_subject").put("type", "string").put("description", "The case study's slug");
        properties.putObject("ce_requestid").put("type", "string").put("description", "The request that caused the event");
        properties.putObject("content-type").put("type", "string").put("const", "application/json");
        schema.putArray("required").add("ce_specversion").add("ce_id").add("ce_type").add("ce_source").add("ce_time");
        return schema;
    }
}
