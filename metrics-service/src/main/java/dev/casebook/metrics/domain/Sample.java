package dev.casebook.metrics.domain;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One raw measurement from a load test. */
public record Sample(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\n\\r|]*", message = "must be one line without '|'")
        @Schema(examples = "Response Time") String metric,
        @NotNull Phase phase,
        @NotNull @DecimalMin(value = "0", message = "must not be negative")
        @DecimalMax(value = ReportedMetric.MAX_VALUE, message = "must be at most " + ReportedMetric.MAX_VALUE)
        @JsonDeserialize(using = StrictNumbers.Double.class) @Schema(examples = "118.5") Double value,
        @Schema(description = "When it was measured; the time it was received if left out") Instant at) {

    public static final int MAX_PER_BATCH = 10_000;
}
