package dev.casebook.auth.domain;

/** What a user may do with case studies; a user holds one or more roles. */
public enum Role {

    ADMIN("admin", "Manages users and roles, and may do everything an editor does"),
    EDITOR("editor", "Reviews submitted case studies, requests changes, publishes, unpublishes and archives"),
    AUTHOR("author", "Writes case studies and their metrics, and submits them for review"),
    VIEWER("viewer", "Reads published case studies and analytics");

    private final String id;
    private final String description;

    Role(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name used in tokens ({@code groups}) and in the API. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
