package dev.casebook.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.casebook.testing.Accounts;
import dev.casebook.testing.Records;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * What subscribers receive is what the AsyncAPI document promises: every record a case study's life puts on
 * casestudy.events, a whole document's included, has the CloudEvents headers and a payload valid against the JSON
 * Schema of its type (networknt's validator, draft 2020-12, as the document declares).
 */
@ExtendWith(RunningCasebook.class)
class EventContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void everyEventOfACaseStudysLifeMatchesItsPublishedSchema() throws Exception {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        Accounts.Tokens editor = RunningCasebook.newUser("editor");
        String n = UUID.randomUUID().toString().substring(0, 8);
        String markdown = Files.readString(Path.of("../../casestudy-service/src/test/resources/corpus/13-long-platform-migration.md"))
                .replaceFirst("# Case Study: ", "# Case Study: " + n + " ");
        String id = author.request().contentType("text/markdown").body(markdown).post("/api/case-studies/import")
                .then().statusCode(201).extract().path("id");
        String etag = author.request().get("/api/case-studies/" + id).then().statusCode(200).extract().header("ETag");
        author.request().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("summary", "Edited before review.")).patch("/api/case-studies/" + id).then().statusCode(200);
        author.request().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        editor.request().post("/api/case-studies/" + id + "/publish").then().statusCode(200);
        editor.request().post("/api/case-studies/" + id + "/unpublish").then().statusCode(200);
        editor.request().post("/api/case-studies/" + id + "/archive").then().statusCode(200);

        Set<String> types = Set.of("created", "updated", "submitted", "published", "unpublished", "archived").stream()
                .map(action -> "dev.casebook.casestudy." + action + ".v1").collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = Records.distinct(RunningCasebook.topics().read("casestudy.events",
                record -> id.equals(record.key()),
                found -> found.stream().map(Records::type).collect(Collectors.toSet()).containsAll(types),
                Duration.ofSeconds(60)));
        assertThat(records.stream().map(Records::type).collect(Collectors.toSet()), equalTo(types));

        ObjectNode contract = (ObjectNode) JSON.readTree(given().get("/api/case-studies/asyncapi").then().statusCode(200).extract().asString());
        Map<String, JsonSchema> payloads = payloadSchemas(contract);
        JsonSchema headers = SCHEMAS.getSchema(contract.at("/components/schemas/CloudEventHeaders"));
        List<String> violations = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = Records.type(record);
            JsonSchema payload = payloads.get(type);
            if (payload == null) {
                violations.add(type + ": no message of that type in the AsyncAPI document");
                continue;
            }
            payload.validate(JSON.readTree(record.value())).forEach(message -> violations.add(type + " payload: " + message));
            headers.validate(headersOf(record)).forEach(message -> violations.add(type + " headers: " + message));
        }
        assertThat(String.join("\n", violations), violations, empty());
        // and the schemas do judge: a payload of the wrong shape is refused
        assertThat(payloads.get("dev.casebook.casestudy.published.v1").validate(JSON.readTree("{\"id\": 42, \"version\": \"zero\"}")),
                not(empty()));
    }

    /** Each message's payload schema by its CloudEvents type, the document's components resolved. */
    private static Map<String, JsonSchema> payloadSchemas(ObjectNode contract) {
        Map<String, JsonSchema> byType = new HashMap<>();
        contract.path("components").path("messages").forEach(message -> {
            String ref = message.path("payload").path("$ref").asText();
            JsonNode schema = contract.at(ref.substring(1));
            byType.put(message.path("name").asText(), SCHEMAS.getSchema(schema));
        });
        return byType;
    }

    private static JsonNode headersOf(ConsumerRecord<String, String> record) {
        ObjectNode headers = JSON.createObjectNode();
        record.headers().forEach(header -> headers.put(header.key(), new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return headers;
    }
}
