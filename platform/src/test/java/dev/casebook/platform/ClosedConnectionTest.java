package dev.casebook.platform;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client (or the gateway for it) whose connection closes while it sends a body is no failure of the service: the
 * log says so in a debug line, with no error and no stack trace, and the service goes on answering.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ClosedConnectionTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void aBodyCutShortByItsConnectionClosingIsNoError() throws Exception {
        try (CapturedLog log = new CapturedLog()) {
            sendHalfABodyAndHangUp();
            List<String> said = awaitLine(log, "POST /notes: its connection closed before its body was read");
            List<LogRecord> errors = log.records().stream()
                    .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertTrue(errors.isEmpty(), () -> "warnings or errors: " + errors.stream().map(CapturedLog::message).toList()
                    + "; said: " + said);
        }
        given().contentType("application/json").body("{\"text\": \"after\", \"mood\": \"CALM\"}").when().post("/notes").then().statusCode(200);
    }

    private void sendHalfABodyAndHangUp() throws Exception {
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /notes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000\r\n\r\n{\"text\": \"half of a no").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200); // the service is reading the body when the connection goes
        }
    }

    private static List<String> awaitLine(CapturedLog log, String line) throws InterruptedException {
        for (int wait = 0; wait < 100; wait++) {
            List<String> said = log.messagesOf("ProblemMappers");
            if (said.stream().anyMatch(message -> message.contains(line))) {
                return said;
            }
            Thread.sleep(50);
        }
        List<String> said = log.records().stream().map(CapturedLog::message).toList();
        assertEquals(line, said.toString(), "the mapper never said it");
        return said;
    }
}
