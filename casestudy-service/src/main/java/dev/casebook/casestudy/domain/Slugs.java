package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.CaseStudyDocument;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Readable, URL-safe names for case studies, made from their titles. */
public final class Slugs {

    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = CaseStudyDocument.SLUG_LENGTH;
    /** Paths under /api/case-studies that are not case studies. */
    public static final Set<String> RESERVED = Set.of("template", "import", "asyncapi", "schemas");

    private Slugs() {
    }

    public static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "case-study" : slug;
    }

    /**
     * The slug without a trailing {@code -<number>}: {@code checkout-2} and {@code checkout} are one family, since a
     * title's slug is numbered within its family when taken. Read by hand, not by a regular expression on user text.
     */
    public static String family(String slug) {
        int end = slug.length();
        while (end > 0 && Character.isDigit(slug.charAt(end - 1))) {
            end--;
        }
        return end < slug.length() && end > 1 && slug.charAt(end - 1) == '-' ? slug.substring(0, end - 1) : slug;
    }

    /** A path segment that is a UUID names a case study by id; anything else by slug. */
    public static Optional<UUID> asUuid(String idOrSlug) {
        try {
            return idOrSlug.length() == 36 ? Optional.of(UUID.fromString(idOrSlug)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
