package dev.casebook.metrics.domain;

import dev.casebook.metrics.contract.Direction;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * A row as an author reports it. For the metrics of the catalogue (Response Time, Throughput, Error Rate)
 * unit and better may be left out; every other metric needs both.
 *
 * <p>Values are never negative: every unit a performance table uses (ms, req/s, %, counts) starts at zero,
 * and a percentage of a negative baseline would turn improvements into regressions.
 */
public record ReportedMetric(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\n\\r|]*", message = "must be one line without '|'")
        @Schema(examples = "Response Time") String name,
        @Size(max = 20) @Pattern(regexp = "(?=.*\\S)[^\\n\\r|]+", message = "must be one line without '|', not blank")
        @Schema(description = "Required unless the metric is in the catalogue", examples = "ms") String unit,
        @NotNull @DecimalMin(value = "0", message = "must not be negative")
        @DecimalMax(value = MAX_VALUE, message = "must be at most " + MAX_VALUE)
        @Digits(integer = 16, fraction = MAX_DECIMALS, message = "must have at most " + MAX_DECIMALS + " decimal places")
        @JsonDeserialize(using = StrictNumbers.Decimal.class) @Schema(examples = "850") BigDecimal before,
        @NotNull @DecimalMin(value = "0", message = "must not be negative")
        @DecimalMax(value = MAX_VALUE, message = "must be at most " + MAX_VALUE)
        @Digits(integer = 16, fraction = MAX_DECIMALS, message = "must have at most " + MAX_DECIMALS + " decimal places")
        @JsonDeserialize(using = StrictNumbers.Decimal.class) @Schema(examples = "120") BigDecimal after,
        @Schema(description = "Required unless the metric is in the catalogue") Direction better) {

    public static final String MAX_VALUE = "1000000000000000";
    public static final int MAX_DECIMALS = 20;
}
