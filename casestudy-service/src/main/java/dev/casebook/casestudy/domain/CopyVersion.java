package dev.casebook.casestudy.domain;

import java.util.Optional;

/**
 * What names the state of the copy a caller reads, without its document: the copy's version and the version of the
 * metrics table shown with it (metrics change without a new version of the case study), if it has one.
 */
public record CopyVersion(long version, Optional<Long> metricsVersion) {

    public static CopyVersion of(CaseStudyCopy copy, Optional<? extends MetricsCopy> metrics) {
        return new CopyVersion(copy.version(), metrics.map(table -> table.version));
    }
}
