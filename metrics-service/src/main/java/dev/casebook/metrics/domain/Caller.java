package dev.casebook.metrics.domain;

import java.util.Set;

/** Who is asking: a signed-in user with roles, or nobody in particular. */
public record Caller(String id, Set<String> roles) {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String AUTHOR = "author";

    public static Caller anonymous() {
        return new Caller(null, Set.of());
    }

    /** Editors and admins see every case study and change every metrics table. */
    public boolean isStaff() {
        return roles.contains(EDITOR) || roles.contains(ADMIN);
    }

    public boolean owns(CaseStudy caseStudy) {
        return id != null && id.equals(caseStudy.authorId);
    }
}
