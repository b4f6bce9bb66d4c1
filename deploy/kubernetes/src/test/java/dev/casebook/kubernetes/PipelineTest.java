package dev.casebook.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery workflow is the template's deployment strategy: CI pipeline and automated tests, images, staging,
 * integration tests against staging, production, and a notification when anything fails.
 */
class PipelineTest {

    private final JsonNode jobs = workflow().path("jobs");

    @Test
    void eachStepWaitsForTheOneBefore() {
        assertEquals(List.of(), needs("build"));
        assertEquals(List.of("build"), needs("images"));
        assertEquals(List.of("images"), needs("staging"));
        assertEquals(List.of("staging"), needs("integration-tests"));
        assertEquals(List.of("integration-tests"), needs("production"));
    }

    @Test
    void aFailureAnywhereIsNotified() {
        Set<String> all = new TreeSet<>();
        jobs.fieldNames().forEachRemaining(all::add);
        all.remove("notify");
        assertEquals(all, new TreeSet<>(needs("notify")), "notify waits for every job");
        assertEquals("failure()", jobs.path("notify").path("if").asText());
    }

    @Test
    void theStepsDoWhatTheirNamesSay() {
        assertTrue(steps("build").contains("mvn -B verify"), "the whole verify");
        assertTrue(steps("images").contains("-Dquarkus.container-image.push=true"), "images are pushed");
        assertTrue(steps("staging").contains("deploy/kubernetes/deploy.sh staging"));
        assertTrue(steps("production").contains("deploy/kubernetes/deploy.sh production"));
        JsonNode tests = jobs.path("integration-tests").path("steps");
        boolean external = false;
        for (JsonNode step : tests) {
            external |= step.path("run").asText().contains("deploy/system-tests") && step.path("env").has("CASEBOOK_URL");
        }
        assertTrue(external, "the system tests run against staging's CASEBOOK_URL");
        assertEquals("staging", jobs.path("staging").path("environment").asText());
        assertEquals("production", jobs.path("production").path("environment").asText());
    }

    private List<String> needs(String job) {
        assertTrue(jobs.has(job), "a job " + job);
        JsonNode needs = jobs.path(job).path("needs");
        List<String> names = new ArrayList<>();
        if (needs.isTextual()) {
            names.add(needs.asText());
        }
        needs.forEach(need -> names.add(need.asText()));
        return names;
    }

    private String steps(String job) {
        StringBuilder runs = new StringBuilder();
        jobs.path(job).path("steps").forEach(step -> runs.append(step.path("run").asText()).append('\n'));
        return runs.toString();
    }

    private static JsonNode workflow() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Casebook.read(Casebook.root().resolve(".github/workflows/deliver.yml")));
        } catch (Exception e) {
            throw new AssertionError(".github/workflows/deliver.yml is not YAML", e);
        }
    }
}
