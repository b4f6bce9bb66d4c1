package dev.casebook.systemtests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the system tests learn of a Casebook deployed elsewhere: from CASEBOOK_URL and its companions. */
class ExternalCasebookTest {

    @Test
    void withoutAUrlTheTestsStartTheirOwn() {
        assertTrue(ExternalCasebook.fromEnvironment(Map.of("CASEBOOK_ADMIN_PASSWORD", "x")).isEmpty());
    }

    @Test
    void aUrlWithoutAnAdminPasswordIsRefusedSayingWhatIsMissing() {
        var refused = assertThrows(IllegalStateException.class,
                () -> ExternalCasebook.fromEnvironment(Map.of("CASEBOOK_URL", "https://staging.example.com")));
        assertTrue(refused.getMessage().contains("CASEBOOK_ADMIN_PASSWORD"), refused.getMessage());
    }

    @Test
    void aScramLoginToTheBootstrapAddressReadsInEventsReaderGroups() {
        ExternalCasebook external = ExternalCasebook.fromEnvironment(Map.of("CASEBOOK_URL", "https://staging.example.com/",
                "CASEBOOK_ADMIN_USERNAME", "root", "CASEBOOK_ADMIN_PASSWORD", "pw",
                "CASEBOOK_KAFKA_BOOTSTRAP", "kafka:9094", "CASEBOOK_KAFKA_USERNAME", "events-reader",
                "CASEBOOK_KAFKA_PASSWORD", "kpw")).orElseThrow();
        assertEquals("https://staging.example.com", external.url());
        assertEquals("root", external.adminUsername());
        assertEquals("kafka:9094", external.kafka().get("bootstrap.servers"));
        assertEquals("SCRAM-SHA-512", external.kafka().get("sasl.mechanism"));
        assertTrue(external.kafka().get("sasl.jaas.config").toString().contains("username=\"events-reader\" password=\"kpw\""));
        assertTrue(external.kafka().get("group.id").toString().startsWith("events-reader."));
    }

    @Test
    void aClientPropertiesFileIsTakenWhole() throws Exception {
        Path file = Files.createTempFile("events-reader", ".properties");
        Files.writeString(file, "bootstrap.servers=127.0.0.1:19092\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n");
        ExternalCasebook external = ExternalCasebook.fromEnvironment(Map.of("CASEBOOK_URL", "http://localhost:8080",
                "CASEBOOK_ADMIN_PASSWORD", "pw", "CASEBOOK_KAFKA_PROPERTIES", file.toString())).orElseThrow();
        assertEquals("127.0.0.1:19092", external.kafka().get("bootstrap.servers"));
        assertTrue(ExternalCasebook.fromEnvironment(Map.of("CASEBOOK_URL", "http://localhost:8080",
                "CASEBOOK_ADMIN_PASSWORD", "pw")).orElseThrow().kafka().isEmpty(), "no Kafka given, none used");
        Files.delete(file);
    }
}
