package dev.casebook.auth.api;

import dev.casebook.platform.idempotency.HoldsSecrets;
import dev.casebook.platform.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** A user an admin creates. Field errors name what is wrong, never the password itself. */
public record NewUser(
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{2,63}",
                message = "must be 3 to 64 characters of letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
        String username,
        @NotNull @AcceptablePassword String password,
        @NotEmpty(message = "must name at least one role") List<@NotNull Role> roles) implements HoldsSecrets {

    /** An Idempotency-Key remembers a hash of the request: never of the password. */
    @Override
    public Object withoutSecrets() {
        return new NewUser(username, null, roles);
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", password=***, roles=" + roles + "]";
    }
}
