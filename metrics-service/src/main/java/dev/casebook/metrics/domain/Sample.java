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
        @NotBlank @Size(max = MAX_METRIC_LENGTH) @Pattern(regexp = "[^\\n\\r|]*", message = "must be one line without '|'")
        @Schema(examples = "Response Time") String metric,
        @NotNull Phase phase,
        @NotNull @DecimalMin(value = "0", message = "must not be negative")
        @DecimalMax(value = ReportedMetric.MAX_VALUE, message = "must be at most " + ReportedMetric.MAX_VALUE)
        @JsonDeserialize(using = StrictNumbers.Double.class) @Schema(examples = "118.5") Double value,
        @FourDigitYear @Schema(description = "When it was measured; the time it was received if left out") Instant at) {

    public static final int MAX_PER_BATCH = 10_000;
    static final int MAX_METRIC_LENGTH = 100;
    private static final double MAX = Double.parseDouble(ReportedMetric.MAX_VALUE);

    /**
     * True when every constraint above plainly holds, told without Bean Validation's cost per object, which a stream
     * of samples pays thousands of times a second; false sends the sample through Bean Validation, which decides and
     * says what is wrong. So this may be stricter than the constraints, never looser (SampleTest checks it).
     */
    boolean plainlyValid() {
        return metric != null && metric.length() <= MAX_METRIC_LENGTH && visibleOnOneLine(metric)
                && phase != null && value != null && value >= 0 && value <= MAX && FourDigitYear.Check.holds(at);
    }

    /**
     * Not blank by any reading of @NotBlank (a character above U+0020 that is not white space either), and nothing
     * @Pattern refuses.
     */
    private static boolean visibleOnOneLine(String text) {
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '|') {
                return false;
            }
            visible |= c > ' ' && !Character.isWhitespace(c);
        }
        return visible;
    }
}
