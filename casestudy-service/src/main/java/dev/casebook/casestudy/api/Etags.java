package dev.casebook.casestudy.api;

import dev.casebook.casestudy.domain.CaseStudyCopy;
import dev.casebook.casestudy.domain.MetricsCopy;
import dev.casebook.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

import java.util.Optional;

/**
 * Entity tags of case studies: the version of the copy, then the version of its metrics table (metrics
 * change without a new version of the case study), one tag per representation. {@code If-Match} names the version.
 */
final class Etags {

    private Etags() {
    }

    static EntityTag json(CaseStudyCopy copy, Optional<? extends MetricsCopy> metrics) {
        return new EntityTag(copy.version() + metricsStamp(metrics));
    }

    static EntityTag markdown(CaseStudyCopy copy, Optional<? extends MetricsCopy> metrics, boolean frontMatter) {
        return new EntityTag(copy.version() + metricsStamp(metrics) + (frontMatter ? "-md-fm" : "-md"));
    }

    static EntityTag html(CaseStudyCopy copy, Optional<? extends MetricsCopy> metrics) {
        return new EntityTag(copy.version() + metricsStamp(metrics) + "-html");
    }

    private static String metricsStamp(Optional<? extends MetricsCopy> metrics) {
        return metrics.map(table -> "." + table.version).orElse("");
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
