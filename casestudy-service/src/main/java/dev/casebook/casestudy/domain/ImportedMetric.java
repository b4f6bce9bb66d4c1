package dev.casebook.casestudy.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * A row of a metrics table read from imported Markdown. It travels with the case study's
 * {@code created} event; metrics-service, which owns metrics, adopts it as the case study's table.
 * {@code better} is null when the Markdown does not tell (no improvement given, or no change).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportedMetric(String name, String unit, BigDecimal before, BigDecimal after, String better) {
}
