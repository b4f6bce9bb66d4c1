package dev.casebook.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A login. Its password is never shown, not even in {@link #toString()}. */
public record Credentials(@NotBlank @Size(max = 100) String username,
                          @NotNull @Size(min = 1, max = 1024) String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
