package dev.casebook.metrics.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Samples as the CSV rows of one {@code COPY sample FROM STDIN}: the column list and quoting live together here. */
final class SampleRows {

    static final String COPY = "COPY sample (case_study_id, metric, phase, value, measured_at, received_at) FROM STDIN (FORMAT csv)";

    private SampleRows() {
    }

    static String csv(UUID caseStudyId, List<Sample> samples, Instant receivedAt) {
        String caseStudy = caseStudyId.toString();
        String received = receivedAt.toString();
        StringBuilder rows = new StringBuilder(samples.size() * 112);
        for (Sample sample : samples) {
            rows.append(caseStudy).append(',');
            quoted(rows, sample.metric()).append(',');
            rows.append(sample.phase().name()).append(',');
            rows.append(sample.value()).append(',');
            rows.append(sample.at() == null ? received : sample.at().toString()).append(',');
            rows.append(received).append('\n');
        }
        return rows.toString();
    }

    /**
     * A metric name is the writer's text: always quoted, so a comma, a quote or a backslash in it is taken as written
     * (in CSV only the quote needs doubling), and an empty-looking value is never read as NULL.
     */
    private static StringBuilder quoted(StringBuilder rows, String text) {
        rows.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                rows.append('"');
            }
            rows.append(c);
        }
        return rows.append('"');
    }
}
