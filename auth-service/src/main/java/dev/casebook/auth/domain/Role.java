package dev.casebook.auth.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

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

    /** The name used in tokens ({@code groups}), in the API and in the database. */
    @JsonValue
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }

    /** The id, so that messages listing the allowed values show what a client must send. */
    @Override
    public String toString() {
        return id;
    }
}
