package dev.casebook.casestudy.domain;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of a listing ended: the order it was in, the last row's value of that order's expression ({@code null}
 * for a row without one, such as a working copy's publishedAt) and its id. Sent to clients as an opaque token
 * ({@code nextCursor}) that they give back as {@code ?cursor=} for the page after it; so keyset paging costs the same
 * at page 1,000 as at page 1, and case studies added or removed before the cursor do not shift the pages after it.
 */
public record ListingCursor(String order, String after, UUID id) {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "\n";
    private static final String NO_VALUE = "-";
    private static final String VALUE = "=";
    // PostgreSQL's timestamptz reaches further, but no row of Casebook's is outside these years.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** The token: base64url of its parts, one per line, the value last so that it may hold anything. */
    public String token() {
        String parts = String.join(SEPARATOR, VERSION, order, id.toString(), after == null ? NO_VALUE : VALUE + after);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(parts.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a token stands for; empty for anything this listing did not give out. Its value is read as its
     * order's type here, so that a made-up token is a client's mistake and never an error of the database's.
     */
    public static Optional<ListingCursor> of(String token) {
        String parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] fields = parts.split(SEPARATOR, 4);
        if (fields.length != 4 || !VERSION.equals(fields[0])) {
            return Optional.empty();
        }
        Optional<String> type = ListingOrder.typeOf(fields[1]);
        Optional<UUID> id = uuid(fields[2]);
        if (type.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        if (NO_VALUE.equals(fields[3])) {
            return Optional.of(new ListingCursor(fields[1], null, id.get()));
        }
        if (!fields[3].startsWith(VALUE)) {
            return Optional.empty();
        }
        return value(type.get(), fields[3].substring(VALUE.length())).map(value -> new ListingCursor(fields[1], value, id.get()));
    }

    /** The value as PostgreSQL will read it back, or empty when it would not. */
    private static Optional<String> value(String type, String text) {
        try {
            switch (type) {
                case "timestamptz" -> {
                    Instant at = Instant.parse(text);
                    return at.isBefore(EARLIEST) || at.isAfter(LATEST) ? Optional.empty() : Optional.of(at.toString());
                }
                case "real" -> {
                    float rank = Float.parseFloat(text);
                    return Float.isFinite(rank) ? Optional.of(Float.toString(rank)) : Optional.empty();
                }
                default -> {
                    return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text); // PostgreSQL's text holds no NUL
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
