package dev.casebook.casestudy.domain;

import java.util.Set;

/** Who is asking: a signed-in user with roles, or nobody in particular. */
public record Caller(String id, Set<String> roles) {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String AUTHOR = "author";

    public static Caller anonymous() {
        return new Caller(null, Set.of());
    }

    public boolean isAnonymous() {
        return id == null;
    }

    /** Editors and admins see and review every case study. */
    public boolean isStaff() {
        return roles.contains(EDITOR) || roles.contains(ADMIN);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean owns(CaseStudy caseStudy) {
        return id != null && caseStudy.isOwnedBy(id);
    }

    /** The working copy is for its author and the staff; everyone else sees the published copy. */
    public boolean seesWorkingCopyOf(CaseStudy caseStudy) {
        return isStaff() || owns(caseStudy);
    }
}
