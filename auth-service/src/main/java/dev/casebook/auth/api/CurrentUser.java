package dev.casebook.auth.api;

import dev.casebook.platform.security.Role;
import dev.casebook.auth.domain.User;

import java.util.List;
import java.util.UUID;

/** Who the bearer of an access token is. */
public record CurrentUser(UUID id, String username, List<Role> roles) {

    static CurrentUser of(User user) {
        return new CurrentUser(user.id, user.username, List.copyOf(user.sortedRoles()));
    }
}
