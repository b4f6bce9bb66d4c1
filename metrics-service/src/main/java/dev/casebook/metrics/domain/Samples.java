package dev.casebook.metrics.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * Samples as load-testing tools write them to {@code metrics.samples}: a JSON array of samples or one sample, the
 * same shape as the body of {@code POST /api/metrics/case-studies/{id}/samples}.
 */
public record Samples(@JsonValue List<Sample> samples) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Samples of(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Sample> samples) {
        return new Samples(samples);
    }
}
