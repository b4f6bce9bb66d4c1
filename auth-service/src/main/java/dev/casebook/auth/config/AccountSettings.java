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

        @WithDefault("15m")
        Duration failureWindow();
    }

    interface Password {

        /** bcrypt's work factor: each step doubles the time a hash (and a guess) costs. */
        @WithDefault("12")
        int bcryptCost();
    }

    interface FirstAdmin {

        @WithDefault("admin")
        String username();

        /** Without it no admin is created; the service says so once at start. */
        Optional<String> password();
    }
}
