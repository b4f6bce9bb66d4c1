package dev.casebook.metrics;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import dev.casebook.testing.Records;
import dev.casebook.testing.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.casebook.metrics.SamplesTest.sample;
import static dev.casebook.metrics.SamplesTest.samples;
import static org.awaitility.Awaitility.await;
import static dev.casebook.metrics.Near.near;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Samples from a load-testing tool on metrics.samples end where samples sent over HTTP end. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class SamplesKafkaTest {

    private static final String TOPIC = "metrics.samples";

    private static long stored(UUID caseStudyId) {
        return Database.count("SELECT count(*) FROM sample WHERE case_study_id = ?", caseStudyId);
    }

    private static void awaitStored(UUID caseStudyId, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(caseStudyId) >= count);
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String key, int expected) {
        return Topics.ofThisService().read(TOPIC + ".dlq", r -> key.equals(r.key()), expected, Duration.ofSeconds(30));
    }

    @Test
    void anArrayOfSamplesReachesTheSummary() {
        UUID id = CaseStudies.draft(People.ALICE);
        Topics.ofThisService().send(TOPIC, id.toString(), SamplesTest.KNOWN_SET);
        awaitStored(id, 15);
        SamplesTest.summary(id)
                .body("metrics[0].metric", equalTo("Response Time"))
                .body("metrics[0].before.count", equalTo(5))
                .body("metrics[0].before.p95", near(880))
                .body("metrics[0].after.p50", near(55));
    }

    @Test
    void oneSampleMayComeOnItsOwn() {
        UUID id = CaseStudies.draft(People.ALICE);
        Topics.ofThisService().send(TOPIC, id.toString(), sample("Throughput", "AFTER", 1200));
        awaitStored(id, 1);
        SamplesTest.summary(id).body("metrics[0].metric", equalTo("Throughput")).body("metrics[0].after.max", near(1200));
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        UUID id = CaseStudies.draft(People.ALICE);
        Topics.ofThisService().send(TOPIC, id.toString(), "{\"this is\": not json");
        Topics.ofThisService().send(TOPIC, id.toString(), "[" + sample("Response Time", "BEFORE", -3) + "]");
        Topics.ofThisService().send(TOPIC, id.toString(), "[" + samples("Response Time", "BEFORE", 7, 9) + "]");

        List<ConsumerRecord<String, String>> dead = deadLetters(id.toString(), 2);
        assertEquals(2, dead.size());
        assertEquals("{\"this is\": not json", dead.get(0).value(), "the record as it was sent");
        assertThat(Records.header(dead.get(0), "dead-letter-reason"), containsString("holds no samples"));
        assertEquals(TOPIC, Records.header(dead.get(0), "dead-letter-topic"));
        assertThat(Records.header(dead.get(1), "dead-letter-reason"), containsString("[0].value must not be negative"));

        awaitStored(id, 2);
        SamplesTest.summary(id).body("metrics[0].before.count", equalTo(2)).body("metrics[0].before.mean", near(8));
    }

    @Test
    void samplesForACaseStudyNobodyKnowsAreDeadLettered() {
        UUID unknown = UUID.randomUUID();
        Topics.ofThisService().send(TOPIC, unknown.toString(), "[" + sample("Response Time", "BEFORE", 1) + "]");
        List<ConsumerRecord<String, String>> dead = deadLetters(unknown.toString(), 1);
        assertEquals(1, dead.size());
        assertThat(Records.header(dead.get(0), "dead-letter-reason"), containsString("There is no case study " + unknown));

        Topics.ofThisService().send(TOPIC, "not-a-case-study", "[" + sample("Response Time", "BEFORE", 1) + "]");
        assertThat(Records.header(deadLetters("not-a-case-study", 1).get(0), "dead-letter-reason"),
                containsString("needs the case study id as its key"));
    }

    @Test
    void aRepeatedRecordIsStoredOnce() {
        UUID id = CaseStudies.draft(People.ALICE);
        String eventId = UUID.randomUUID().toString();
        Topics.ofThisService().send(TOPIC, id.toString(), "[" + samples("Response Time", "AFTER", 1, 2, 3) + "]", "ce_id", eventId);
        Topics.ofThisService().send(TOPIC, id.toString(), "[" + samples("Response Time", "AFTER", 1, 2, 3) + "]", "ce_id", eventId);
        Topics.ofThisService().send(TOPIC, id.toString(), "[" + samples("Response Time", "BEFORE", 4) + "]");
        awaitStored(id, 4);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Database.count("SELECT count(*) FROM processed_event WHERE consumer = 'sample-intake' AND event_id = ?", eventId) == 1);
        assertEquals(4, stored(id), "the second delivery of " + eventId + " took no effect");
    }

    @Test
    void recordsPolledTogetherAreStoredInOneTransaction() {
        UUID id = CaseStudies.draft(People.ALICE);
        Topics.ofThisService().sendTogether(TOPIC, id.toString(), List.of(
                "[" + samples("Response Time", "BEFORE", 1, 2) + "]", "[" + samples("Response Time", "BEFORE", 3, 4) + "]",
                "[" + samples("Response Time", "AFTER", 5, 6) + "]", "[" + samples("Response Time", "AFTER", 7, 8) + "]"));
        awaitStored(id, 8);
        // Rows a transaction wrote carry its id (xmin): one commit for the whole poll, not one per record.
        assertEquals(1, Database.count("SELECT count(DISTINCT xmin::text) FROM sample WHERE case_study_id = ?", id));
        SamplesTest.summary(id).body("metrics[0].before.count", equalTo(4)).body("metrics[0].after.mean", near(6.5));
    }

    @Test
    void aBadRecordPolledWithGoodOnesIsDeadLetteredAloneAndTheOthersAreStored() {
        UUID id = CaseStudies.draft(People.ALICE);
        Topics.ofThisService().sendTogether(TOPIC, id.toString(), List.of(
                "[" + samples("Response Time", "BEFORE", 10, 20) + "]",
                "[" + sample("Response Time", "BEFORE", -1) + "]",
                "[" + samples("Response Time", "AFTER", 5, 7) + "]"));
        List<ConsumerRecord<String, String>> dead = deadLetters(id.toString(), 1);
        assertEquals(1, dead.size());
        assertThat(Records.header(dead.get(0), "dead-letter-reason"), containsString("[0].value must not be negative"));
        awaitStored(id, 4);
        SamplesTest.summary(id).body("metrics[0].before.count", equalTo(2)).body("metrics[0].after.count", equalTo(2));
    }
}
