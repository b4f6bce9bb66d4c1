package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Startup, liveness and readiness are three probes, and readiness means "send me traffic": the database reachable and
 * the schema migrated. Kafka going away keeps the service ready (writes go on into the outbox); it shows in the health
 * group kafka and, once, in the log.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ProbesTest {

    @Test
    void startupLivenessAndReadinessAreSeparateProbes() {
        given().get("/q/health/started").then().statusCode(200)
                .body("checks.name", hasItem("started"))
                .body("checks.name", not(hasItem("database-schema")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", not(hasItem("database-schema")))
                .body("checks.name", not(hasItem("kafka-broker")));
        given().get("/q/health/ready").then().statusCode(200)
                // "Graceful Shutdown" turns DOWN at SIGTERM, for the shutdown delay (quarkus.shutdown.delay-enabled).
                .body("checks.name", hasItems("database-schema", "access-changes", "Graceful Shutdown"))
                .body("checks.name", not(hasItem("kafka-broker")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/group/kafka").then()
                .statusCode(200).body("checks.find { it.name == 'kafka-broker' }.status", equalTo("UP")));
    }

    @Test
    void withKafkaDownTheServiceStaysReadyAndTakesWritesWhileItsKafkaGroupSaysDown() throws Exception {
        CapturedLog log = new CapturedLog();
        CasebookInfrastructure.kafka().stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/group/kafka").then()
                    .statusCode(503).body("checks.find { it.name == 'kafka-broker' }.status", equalTo("DOWN")));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().contentType(ContentType.JSON).body("{\"text\": \"written while Kafka is down\", \"mood\": \"CALM\"}")
                    .post("/notes").then().statusCode(200);
            // Two more checks of the broker (every 5 s) find it down again: the log still says it once.
            Thread.sleep(11_000);
            given().get("/q/health/ready").then().statusCode(200);
            List<String> warnings = log.messagesOf("BrokerReachability").stream()
                    .filter(message -> message.contains("is not reachable")).toList();
            assertEquals(1, warnings.size(), "said once: " + warnings);
        } finally {
            log.close();
            CasebookInfrastructure.kafka().start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/group/kafka").then().statusCode(200));
    }
}
