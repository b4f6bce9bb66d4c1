package dev.casebook.platform.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Instant;
import java.util.UUID;

/**
 * auth-service's word that the access tokens it gave a user before now no longer hold: every token of
 * {@code userId} whose {@code access_version} claim is below {@code accessVersion} is refused from now on.
 * auth-service increments the version with each change, so the highest one read wins whatever the order or the
 * clocks.
 *
 * @param changedAt when auth-service made the change; for people reading the topic, never for ordering
 */
public record AccessChange(@NotNull UUID userId, @Positive long accessVersion, @NotNull Reason reason,
                           @NotNull Instant changedAt) {

    /** Why the user's earlier tokens no longer hold. */
    public enum Reason {
        /** An admin disabled the user. */
        @JsonProperty("disabled") DISABLED,
        /** An admin changed the user's roles: earlier tokens name the old ones. */
        @JsonProperty("roles-changed") ROLES_CHANGED,
        /** The user, or an admin for them, ended every session at once. */
        @JsonProperty("logged-out-everywhere") LOGGED_OUT_EVERYWHERE
    }
}
