package dev.casebook.casestudy.api;

import dev.casebook.casestudy.domain.CaseStudyCopy;
import dev.casebook.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** Entity tags of case studies: the version of the copy, one tag per representation. */
final class Etags {

    private Etags() {
    }

    static EntityTag json(CaseStudyCopy copy) {
        return new EntityTag(String.valueOf(copy.version()));
    }

    static EntityTag markdown(CaseStudyCopy copy) {
        return new EntityTag(copy.version() + "-md");
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
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "If-Match " + ifMatch + " is not an ETag of this case study");
        }
    }
}
