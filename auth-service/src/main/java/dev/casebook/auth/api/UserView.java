package dev.casebook.auth.api;

import dev.casebook.platform.security.Role;
import dev.casebook.auth.domain.User;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as admins see them: never with the password hash. */
public record UserView(UUID id, String username, List<Role> roles, boolean enabled, Instant createdAt, Instant updatedAt) {

    static UserView of(User user) {
        return new UserView(user.id, user.username, List.copyOf(user.sortedRoles()), user.enabled, user.createdAt, user.updatedAt);
    }
}
