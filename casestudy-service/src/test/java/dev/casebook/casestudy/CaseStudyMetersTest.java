package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import dev.casebook.testing.PrometheusText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an operator's dashboard counts: publishes and imports, each once it has taken effect, retries not again. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class CaseStudyMetersTest {

    @Test
    void aPublishRetriedWithItsIdempotencyKeyCountsOnce() {
        String id = CaseStudyApiTest.create(People.alice(), Documents.full(Documents.uniqueTitle("Counted publish"))).path("id");
        People.alice().post("/api/case-studies/" + id + "/submit").then().statusCode(200);
        double before = PrometheusText.scrape().value("casebook_publishes_total");

        String key = UUID.randomUUID().toString();
        People.eve().header("Idempotency-Key", key).post("/api/case-studies/" + id + "/publish").then().statusCode(200);
        People.eve().header("Idempotency-Key", key).post("/api/case-studies/" + id + "/publish").then().statusCode(200)
                .header("Idempotent-Replayed", "true");

        assertEquals(before + 1, PrometheusText.scrape().value("casebook_publishes_total"));
    }

    @Test
    void importsCountByOutcome() throws Exception {
        PrometheusText before = PrometheusText.scrape();
        String template = Files.readString(Path.of("src/test/resources/corpus", "01-template-literal.md"))
                .replaceFirst("# Case Study: ", "# Case Study: " + UUID.randomUUID().toString().substring(0, 8) + " ");
        People.alice().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("text/markdown").body(template)
                .post("/api/case-studies/import").then().statusCode(201);
        People.alice().contentType("text/markdown").body("Just a paragraph, no case study.")
                .post("/api/case-studies/import").then().statusCode(422);

        PrometheusText after = PrometheusText.scrape();
        assertEquals(before.value("casebook_imports_total", "outcome", "created") + 1,
                after.value("casebook_imports_total", "outcome", "created"));
        assertEquals(before.value("casebook_imports_total", "outcome", "refused") + 1,
                after.value("casebook_imports_total", "outcome", "refused"));
    }
}
