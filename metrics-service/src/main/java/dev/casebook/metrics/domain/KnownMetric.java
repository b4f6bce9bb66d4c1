package dev.casebook.metrics.domain;

import dev.casebook.metrics.contract.Direction;
import java.util.Arrays;
import java.util.Optional;

/** The metrics of the template's table, whose unit and direction a client may leave out. */
public enum KnownMetric {

    RESPONSE_TIME("Response Time", "ms", Direction.LOWER),
    THROUGHPUT("Throughput", "req/s", Direction.HIGHER),
    ERROR_RATE("Error Rate", "%", Direction.LOWER);

    private final String displayName;
    private final String unit;
    private final Direction better;

    KnownMetric(String displayName, String unit, Direction better) {
        this.displayName = displayName;
        this.unit = unit;
        this.better = better;
    }

    public String displayName() {
        return displayName;
    }

    public String unit() {
        return unit;
    }

    public Direction better() {
        return better;
    }

    /** Matches the name as a reader writes it: case and surrounding blanks do not matter. */
    public static Optional<KnownMetric> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return Arrays.stream(values()).filter(metric -> metric.displayName.equalsIgnoreCase(wanted)).findFirst();
    }
}
