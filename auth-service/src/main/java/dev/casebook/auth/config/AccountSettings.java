package dev.casebook.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Passwords, login throttling and the first admin. */
@ConfigMapping(prefix = "casebook.auth")
public interface AccountSettings {

    Login login();

    Password password();

    FirstAdmin firstAdmin();

    interface Login {

        /** Failed logins for one username within {@link #failureWindow()} after which attempts are refused (429). */
        @WithDefault("5")
        int maxFailures();

        /** How long a failed login counts; a refused username may try again once its oldest counted failure is this old. */
        @WithDefault("15m")
        Duration failureWindow();
    }

    interface Password {

        /** bcrypt's work factor: each step doubles the time a hash (and a guess) costs. */
        @WithDefault("12")
        int bcryptCost();
    }

    interface FirstAdmin {

        /** The username of the admin created when none exists ({@code CASEBOOK_ADMIN_USERNAME}). */
        @WithDefault("admin")
        String username();

        /** Their password ({@code CASEBOOK_ADMIN_PASSWORD}); without it no admin is created, and the service says so once at start. */
        Optional<String> password();
    }
}
