package dev.casebook.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Who is asking: a signed-in user with roles (from the verified access token), or nobody in particular. */
public record Caller(String id, Set<Role> roles) {

    public static Caller anonymous() {
        return new Caller(null, Set.of());
    }

    /** A signed-in user with the roles a token names; a name that is no {@link Role} grants nothing. */
    public static Caller signedIn(String id, Collection<String> roleIds) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleIds.stream().map(Role::byId).flatMap(Optional::stream).forEach(roles::add);
        return new Caller(id, Set.copyOf(roles));
    }

    public boolean isAnonymous() {
        return id == null;
    }

    /** Editors and admins see and review every case study. */
    public boolean isStaff() {
        return roles.contains(Role.EDITOR) || roles.contains(Role.ADMIN);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Whether this caller is the user {@code authorId}: case studies and their metrics belong to their author. */
    public boolean isAuthor(String authorId) {
        return id != null && id.equals(authorId);
    }
}
