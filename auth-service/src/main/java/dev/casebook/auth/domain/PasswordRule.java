package dev.casebook.auth.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a new password must be. Messages name the rule, never the password. */
public final class PasswordRule {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads no more than 72 bytes; a longer password would silently lose its end. */
    public static final int MAX_BYTES = 72;

    private PasswordRule() {
    }

    /** Why {@code password} cannot be used, or empty when it can. */
    public static Optional<String> problemWith(String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must have at most " + MAX_BYTES + " bytes in UTF-8");
        }
        return Optional.empty();
    }
}
