package dev.casebook.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * With {@code CASEBOOK_LOG_JSON=true} the console writes each line as one JSON object with the request id and the
 * service's name. The test reads the lines as the console would write them: through the console's own formatter.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
@TestProfile(JsonLogsTest.JsonSwitchOn.class)
class JsonLogsTest {

    /** The switch as an operator sets it (the environment variable the shared config reads). */
    public static class JsonSwitchOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("CASEBOOK_LOG_JSON", "true");
        }
    }

    private CapturedLog log;

    @BeforeEach
    void captureWhatTheConsoleWrites() {
        log = new CapturedLog();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void aLogLineIsJsonWithTheRequestIdTheTraceAndTheServiceButNoToken() throws Exception {
        String requestId = "json-" + UUID.randomUUID();
        String token = "not.a-real.token-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        given().header("X-Request-Id", requestId).header("Authorization", "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/notes/broken").then().statusCode(500);

        // The lines as the console writes them: through its own formatter.
        Formatter console = consoleFormatter(Logger.getLogger("").getHandlers());
        assertNotNull(console, "a console handler");
        List<String> ours = log.records().stream().map(console::format).filter(line -> line.contains(requestId)).toList();
        assertFalse(ours.isEmpty(), "the failure was logged under the request's id");
        for (String line : ours) {
            JsonNode json = new ObjectMapper().readTree(line);
            assertEquals(requestId, json.path("mdc").path("requestId").asText(), line);
            assertEquals(traceId, json.path("mdc").path("traceId").asText(), "in the client's trace: " + line);
            assertThat(json.path("mdc").path("spanId").asText(), org.hamcrest.Matchers.matchesPattern("[0-9a-f]{16}"));
            assertEquals("platform-test", json.path("service").asText(), line);
            assertEquals(1, line.strip().lines().count(), "one line per record");
            assertThat(line, not(containsString(token)));
        }
    }

    private static Formatter consoleFormatter(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler.getClass().getSimpleName().contains("Console")) {
                return handler.getFormatter();
            }
            if (handler instanceof org.jboss.logmanager.ExtHandler ext) {
                Formatter nested = consoleFormatter(ext.getHandlers());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
