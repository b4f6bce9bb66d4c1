package dev.casebook.metrics.domain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Samples as the rows of one {@code COPY sample FROM STDIN} in PostgreSQL's binary format: the column list and the
 * encoding live together here. Binary rather than CSV, because the stream's cost was in text: two timestamps per row
 * formatted here and parsed again by PostgreSQL, and a double printed and read back. A metric name goes as its
 * bytes, so a comma, a quote or a backslash in it is stored as written.
 */
final class SampleRows {

    static final String COPY = "COPY sample (case_study_id, metric, phase, value, measured_at, received_at) FROM STDIN (FORMAT binary)";

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short COLUMNS = 6;
    /** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    private SampleRows() {
    }

    static byte[] binary(UUID caseStudyId, List<Sample> samples, Instant receivedAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(19 + samples.size() * 96);
        try (DataOutputStream rows = new DataOutputStream(bytes)) {
            rows.write(SIGNATURE);
            rows.writeInt(0); // flags: no OIDs
            rows.writeInt(0); // no header extension
            long received = microseconds(receivedAt);
            byte[] before = Phase.BEFORE.name().getBytes(StandardCharsets.US_ASCII);
            byte[] after = Phase.AFTER.name().getBytes(StandardCharsets.US_ASCII);
            for (Sample sample : samples) {
                rows.writeShort(COLUMNS);
                rows.writeInt(16);
                rows.writeLong(caseStudyId.getMostSignificantBits());
                rows.writeLong(caseStudyId.getLeastSignificantBits());
                text(rows, sample.metric().getBytes(StandardCharsets.UTF_8));
                text(rows, sample.phase() == Phase.BEFORE ? before : after);
                rows.writeInt(8);
                rows.writeDouble(sample.value());
                rows.writeInt(8);
                rows.writeLong(sample.at() == null ? received : microseconds(sample.at()));
                rows.writeInt(8);
                rows.writeLong(received);
            }
            rows.writeShort(-1); // the end of the rows
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** Rounded to the microsecond, as PostgreSQL rounds a timestamp given as text. */
    static long microseconds(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
                (instant.getNano() + 500L) / 1000L);
    }

    private static void text(DataOutputStream rows, byte[] utf8) throws IOException {
        rows.writeInt(utf8.length);
        rows.write(utf8);
    }
}
