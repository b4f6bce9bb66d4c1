package dev.casebook.platform.security;

import java.util.Set;

/** Who is asking: a signed-in user with roles (from the verified access token), or nobody in particular. */
public record Caller(String id, Set<String> roles) {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String AUTHOR = "author";
    public static final String VIEWER = "viewer";

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

    /** Whether this caller is the user {@code authorId}: case studies and their metrics belong to their author. */
    public boolean isAuthor(String authorId) {
        return id != null && id.equals(authorId);
    }
}
