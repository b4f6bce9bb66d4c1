package dev.casebook.metrics.domain;

/** Whether a sample was measured before the change the case study describes, or after it. */
public enum Phase {
    BEFORE,
    AFTER
}
