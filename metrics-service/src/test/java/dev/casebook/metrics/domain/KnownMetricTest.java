package dev.casebook.metrics.domain;

import dev.casebook.metrics.contract.Direction;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The template's metrics, named as writers write them. */
class KnownMetricTest {

    @Test
    void theCatalogueIsTheTemplatesTableWithUnitsAndDirections() {
        assertEquals("Response Time ms LOWER", describe(KnownMetric.RESPONSE_TIME));
        assertEquals("Throughput req/s HIGHER", describe(KnownMetric.THROUGHPUT));
        assertEquals("Error Rate % LOWER", describe(KnownMetric.ERROR_RATE));
        assertEquals(3, KnownMetric.values().length);
    }

    @Test
    void aMetricIsFoundWhateverItsCaseAndSurroundingBlanks() {
        assertEquals(Optional.of(KnownMetric.RESPONSE_TIME), KnownMetric.named("Response Time"));
        assertEquals(Optional.of(KnownMetric.RESPONSE_TIME), KnownMetric.named("  response TIME\t"));
        assertEquals(Optional.of(KnownMetric.ERROR_RATE), KnownMetric.named("ERROR RATE"));
    }

    @Test
    void anotherNameIsNoMetricOfTheCatalogue() {
        assertEquals(Optional.empty(), KnownMetric.named("ResponseTime"));
        assertEquals(Optional.empty(), KnownMetric.named("Queue Depth"));
        assertEquals(Optional.empty(), KnownMetric.named(""));
        assertEquals(Optional.empty(), KnownMetric.named(null));
    }

    private static String describe(KnownMetric metric) {
        Direction better = metric.better();
        return metric.displayName() + " " + metric.unit() + " " + better;
    }
}
