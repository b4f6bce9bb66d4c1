package dev.casebook.metrics.domain;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples' fast check against their constraints: never looser, and taken for the samples streams carry. */
class SampleTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static List<Sample> edgeCases() {
        List<String> metrics = new ArrayList<>(List.of("Response Time", "p99 latency", "x", "a,b \"quoted\" \\ name",
                "Résumé 応答時間", "", " ", "\t", "\u0001", " \u0001 ", "\u2003", "a\nb", "a\rb", "a|b", "|",
                "x".repeat(100), "x".repeat(101), "é".repeat(100), "😀".repeat(50), "😀".repeat(51)));
        metrics.add(null);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, 118.5, 1e15, Math.nextUp(1e15), Math.nextDown(0.0), -1.0,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE));
        values.add(null);
        List<Sample> samples = new ArrayList<>();
        for (String metric : metrics) {
            for (Double value : values) {
                for (Phase phase : new Phase[]{Phase.BEFORE, null}) {
                    samples.add(new Sample(metric, phase, value, Instant.parse("2026-12-03T06:00:00Z")));
                }
            }
        }
        for (Instant at : new Instant[]{null, Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("0000-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MAX, Instant.MIN}) {
            for (String metric : List.of("Response Time", " ")) {
                samples.add(new Sample(metric, Phase.AFTER, 1.0, at));
            }
        }
        return samples;
    }

    @Test
    void aSampleThatLooksPlainlyValidSatisfiesEveryConstraint() {
        for (Sample sample : edgeCases()) {
            if (sample.plainlyValid()) {
                assertEquals(List.of(), validator.validate(sample).stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).toList(),
                        "the fast check let through " + sample);
            }
        }
    }

    @Test
    void theSamplesALoadTestSendsTakeTheFastPath() {
        assertTrue(new Sample("Response Time", Phase.BEFORE, 118.5, null).plainlyValid());
        assertTrue(new Sample("Throughput", Phase.AFTER, 0.0, Instant.now()).plainlyValid());
        assertTrue(new Sample("x".repeat(100), Phase.AFTER, 1e15, null).plainlyValid());
        // On names with a visible character, the fast check and the constraints agree on every sample: only odd names
        // (control characters, white space alone) are left to Bean Validation.
        for (Sample sample : edgeCases()) {
            if (sample.metric() != null && sample.metric().codePoints().anyMatch(c -> c > ' ' && !Character.isWhitespace(c))) {
                assertEquals(validator.validate(sample).isEmpty(), sample.plainlyValid(), sample.toString());
            }
        }
    }

    @Test
    void whatTheFastCheckRefusesBeanValidationExplains() {
        assertFalse(new Sample("a|b", Phase.BEFORE, 1.0, null).plainlyValid());
        assertEquals(List.of("metric must be one line without '|'"), validator.validate(new Sample("a|b", Phase.BEFORE, 1.0, null))
                .stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).toList());
    }
}
