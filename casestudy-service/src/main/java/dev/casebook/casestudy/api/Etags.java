package dev.casebook.casestudy.api;

import dev.casebook.casestudy.domain.CaseStudyCopy;
import dev.casebook.casestudy.domain.CaseStudyListing.ListingVersion;
import dev.casebook.casestudy.domain.CopyVersion;
import dev.casebook.casestudy.domain.MetricsCopy;
import dev.casebook.platform.problem.ProblemException;
import dev.casebook.platform.security.Caller;
import jakarta.ws.rs.core.EntityTag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Entity tags of case studies: the version of the copy, then the version of its metrics table (metrics
 * change without a new version of the case study), one tag per representation. {@code If-Match} names the version.
 */
final class Etags {

    private Etags() {
    }

    static EntityTag json(CaseStudyCopy copy, Optional<? extends MetricsCopy> metrics) {
        return json(CopyVersion.of(copy, metrics));
    }

    static EntityTag json(CopyVersion version) {
        return new EntityTag(stamp(version));
    }

    static EntityTag markdown(CaseStudyCopy copy, Optional<? extends MetricsCopy> metrics, boolean frontMatter) {
        return markdown(CopyVersion.of(copy, metrics), frontMatter);
    }

    static EntityTag markdown(CopyVersion version, boolean frontMatter) {
        return new EntityTag(stamp(version) + (frontMatter ? "-md-fm" : "-md"));
    }

    static EntityTag html(CaseStudyCopy copy, Optional<? extends MetricsCopy> metrics) {
        return html(CopyVersion.of(copy, metrics));
    }

    static EntityTag html(CopyVersion version) {
        return new EntityTag(stamp(version) + "-html");
    }

    /**
     * A page of a listing: what it lists (its query, and for whom), and the state of what it lists. Hashed, so that
     * the tag stays short and names no one.
     */
    static EntityTag listing(ListingVersion version, String query, Caller caller) {
        String state = version.count() + "|" + version.newestUpdate() + "|" + version.newestPublish() + "|"
                + (caller.isAnonymous() ? "" : caller.id()) + "|" + (query == null ? "" : query);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return new EntityTag("list-" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String stamp(CopyVersion version) {
        return version.version() + version.metricsVersion().map(metrics -> "." + metrics).orElse("");
    }

    /**
     * The version an {@code If-Match} header names, or null for {@code *} (any version); writes without
     * one are refused so that no change is lost.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Send If-Match with the ETag you read, so that no one else's change is overwritten");
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return null;
        }
        tag = (tag.startsWith("W/") ? tag.substring(2) : tag).replace("\"", "");
        int end = 0;
        while (end < tag.length() && Character.isDigit(tag.charAt(end))) {
            end++;
        }
        try {
            return Long.parseLong(tag.substring(0, end));
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "If-Match " + ifMatch + " is not an ETag of this case study");
        }
    }
}
