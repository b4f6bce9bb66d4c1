package dev.casebook.platform.idempotency;

import dev.casebook.platform.problem.ProblemException;

import java.util.List;
import java.util.Optional;

/** The {@code Idempotency-Key} request header: 1 to 255 visible ASCII characters, such as a UUID. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** On an answer given again for a repeat, as Stripe's API does. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /**
     * The key of a request, none when it has no such header; a 400 problem for a malformed one. Checked by hand,
     * character by character: no regular expression runs on what a client sent.
     */
    public static Optional<String> of(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return Optional.empty();
        }
        if (headerValues.size() > 1) {
            throw malformed("Send one Idempotency-Key header, not " + headerValues.size());
        }
        String key = headerValues.get(0);
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            throw malformed("Idempotency-Key must be 1 to " + MAX_LENGTH + " characters long");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw malformed("Idempotency-Key must be visible ASCII characters only (no spaces), such as a UUID");
            }
        }
        return Optional.of(key);
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, detail).with("header", HEADER);
    }
}
