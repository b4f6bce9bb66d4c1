package dev.casebook.platform.security;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user may do with case studies; a user holds one or more roles. The one list of them: auth-service grants and
 * stores them, access tokens carry their ids as {@code groups}, and every service checks them.
 */
public enum Role {

    ADMIN(Ids.ADMIN, "Manages users and roles, and may do everything an editor does"),
    EDITOR(Ids.EDITOR, "Reviews submitted case studies, requests changes, publishes, unpublishes and archives"),
    AUTHOR(Ids.AUTHOR, "Writes case studies and their metrics, and submits them for review"),
    VIEWER(Ids.VIEWER, "Reads published case studies and analytics");

    /** The ids as constants, for annotations such as {@code @RolesAllowed(Role.Ids.EDITOR)}, which cannot take an enum. */
    public static final class Ids {

        public static final String ADMIN = "admin";
        public static final String EDITOR = "editor";
        public static final String AUTHOR = "author";
        public static final String VIEWER = "viewer";

        private Ids() {
        }
    }

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
