package dev.casebook.metrics.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a metric's before or after value is derived as, from its samples of that phase. */
public enum Statistic {
    P50("p50", "percentile_cont(0.5) WITHIN GROUP (ORDER BY value)"),
    P95("p95", "percentile_cont(0.95) WITHIN GROUP (ORDER BY value)"),
    P99("p99", "percentile_cont(0.99) WITHIN GROUP (ORDER BY value)"),
    MEAN("mean", "avg(value)"),
    MIN("min", "min(value)"),
    MAX("max", "max(value)");

    private final String jsonName;
    private final String sql;

    Statistic(String jsonName, String sql) {
        this.jsonName = jsonName;
        this.sql = sql;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The aggregate over {@code value}; a constant, never built from input. */
    String sql() {
        return sql;
    }

    // Problems list the allowed values as clients write them.
    @Override
    public String toString() {
        return jsonName;
    }
}
