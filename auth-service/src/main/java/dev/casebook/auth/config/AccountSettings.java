package dev.casebook.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Passwords and how many are checked at once, login throttling, the first admin. */
@ConfigMapping(prefix = "casebook.auth")
public interface AccountSettings {

    Login login();

    Password password();

    FirstAdmin firstAdmin();

    interface Login {

        /**
         * Failed logins for one username from one client address within {@link #failureWindow()} after which that
         * address is refused (429) for that username; the same username from other addresses is only slowed down.
         */
        @WithDefault("5")
        int maxFailures();

        /**
         * Failed logins from one client address, whatever the usernames, within {@link #failureWindow()} after which
         * that address is refused (429) for every username. An IPv6 address counts as its /64 network.
         */
        @WithDefault("100")
        int maxFailuresPerAddress();

        /** How long a failed login counts; a refused address may try again once its oldest counted failure is this old. */
        @WithDefault("15m")
        Duration failureWindow();

        /**
         * The wait before checking a password for a username that failed recently: this after one failure within
         * {@link #failureWindow()} (from any address), doubling with each further one, up to {@link #maxDelay()}.
         */
        @WithDefault("250ms")
        Duration delayBase();

        /**
         * The longest wait before a password is checked: a username under attack slows its real user down by at most
         * this. Well under the gateway's 5 s timeout for the route, which also has to cover the hash.
         */
        @WithDefault("2s")
        Duration maxDelay();

        /**
         * How long a login refused before its password is looked at (429: its address already has its share of the
         * checks; 503: every place is taken) waits before it is answered, on a timer. A client that honours Retry-After
         * loses nothing by it; a flood that asks again at once gets one answer per connection per pause instead of as
         * many as the cores can write, so refusing it leaves the cores to the other routes. 0 answers at once.
         */
        @WithDefault("250ms")
        Duration refusalPause();
    }

    interface Password {

        /** bcrypt's work factor: each step doubles the time a hash (and a guess) costs. */
        @WithDefault("12")
        int bcryptCost();

        /**
         * Passwords checked at once, each on a thread of its own. By default half the cores (at least one): bcrypt only
         * computes, and a flood of logins must leave the other half to every other route of the machine.
         */
        Optional<Integer> threads();

        /** Logins that may wait for one of those threads (by default twice as many); beyond them, a login is answered 503 at once. */
        Optional<Integer> queue();

        /**
         * Places (threads and queue) one client address may hold at once, by default as many as there are threads:
         * a flood from one address is refused (429) beyond them and leaves the rest of the places to everyone else.
         */
        Optional<Integer> placesPerAddress();

        /**
         * The longest a login waits in that queue; one that would wait longer is answered 503 instead of being
         * checked, since its client (the gateway waits 5 s) would have given up by then.
         */
        @WithDefault("2s")
        Duration maxWait();

        /** The Retry-After of that 503, and of the 429 beyond an address's share: about as long as the waiting logins take. */
        @WithDefault("1s")
        Duration busyRetryAfter();
    }

    interface FirstAdmin {

        /** The username of the admin created when none exists ({@code CASEBOOK_ADMIN_USERNAME}). */
        @WithDefault("admin")
        String username();

        /** Their password ({@code CASEBOOK_ADMIN_PASSWORD}); without it no admin is created, and the service says so once at start. */
        Optional<String> password();
    }
}
