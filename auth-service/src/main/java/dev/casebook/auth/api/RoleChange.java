package dev.casebook.auth.api;

import dev.casebook.platform.security.Role;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** The complete new set of roles of a user. */
public record RoleChange(@NotEmpty(message = "must name at least one role") List<@NotNull Role> roles) {
}
