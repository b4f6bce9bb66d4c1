package dev.casebook.casestudy.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * One row of the template's performance-metrics table, as metrics-service computed it. Unknown
 * members are ignored: metrics-service may add some without breaking this copy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricRow(String name, String unit, BigDecimal before, BigDecimal after, String better,
                        BigDecimal improvementPercent, String improvementNote) {
}
