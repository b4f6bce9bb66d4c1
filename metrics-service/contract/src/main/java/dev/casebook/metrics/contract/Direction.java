package dev.casebook.metrics.contract;

/** Which way a metric improves: a lower response time is better, a higher throughput is better. */
public enum Direction {
    LOWER,
    HIGHER
}
