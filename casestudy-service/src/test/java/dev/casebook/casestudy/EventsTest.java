package dev.casebook.casestudy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import dev.casebook.testing.Records;
import dev.casebook.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What a subscriber of casestudy.events sees: one CloudEvent per change, in order, keyed by the case study. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class EventsTest {


    @Test
    void everyChangeIsOneEventInOrder() throws Exception {
        String requestId = "events-test-" + UUID.randomUUID();
        String id = People.alice().header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Documents.full(Documents.uniqueTitle("Eventful"))).post("/api/case-studies").then()
                .statusCode(201).extract().path("id");
        People.alice().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"summary\": \"Shorter.\"}").patch("/api/case-studies/" + id).then().statusCode(200);
        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        People.eve().contentType(ContentType.JSON).body("{\"comment\": \"More numbers\"}")
                .post("/api/case-studies/" + id + "/request-changes").then().statusCode(200);
        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        People.eve().post("/api/case-studies/" + id + "/publish").then().statusCode(200);
        People.eve().post("/api/case-studies/" + id + "/unpublish").then().statusCode(200);
        People.eve().post("/api/case-studies/" + id + "/archive").then().statusCode(200);
        People.ada().delete("/api/case-studies/" + id).then().statusCode(204);

        List<ConsumerRecord<String, String>> events = Topics.ofThisService().read("casestudy.events", r -> id.equals(r.key()), 9, Duration.ofSeconds(30));
        List<String> types = events.stream().map(e -> Records.header(e, "ce_type")).toList();
        assertEquals(List.of("created", "updated", "submitted", "changes-requested", "submitted", "published",
                        "unpublished", "archived", "deleted").stream().map(a -> "dev.casebook.casestudy." + a + ".v1").toList(),
                types);

        ObjectMapper json = new ObjectMapper();
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(id, event.key());
            assertEquals("1.0", Records.header(event, "ce_specversion"));
            assertEquals("/casebook/casestudy-service", Records.header(event, "ce_source"));
            assertNotNull(UUID.fromString(Records.header(event, "ce_id")));
            assertNotNull(Instant.parse(Records.header(event, "ce_time")));
            assertNotNull(Records.header(event, "ce_subject"));
            assertEquals(id, json.readTree(event.value()).get("id").asText());
        }
        assertEquals(requestId, Records.header(events.get(0), "ce_requestid"));

        JsonNode updated = json.readTree(events.get(1).value());
        assertEquals("[\"summary\"]", updated.get("changed").toString());
        assertEquals(1, updated.get("version").asInt());
        assertEquals("More numbers", json.readTree(events.get(3).value()).get("comment").asText());

        JsonNode published = json.readTree(events.get(5).value());
        assertEquals("PUBLISHED", published.get("status").asText());
        assertEquals("Shorter.", published.get("summary").asText());
        assertEquals("Quarkus", published.get("techStack").get("backend").get(1).asText());
    }
}
