package dev.casebook.auth.domain;

import dev.casebook.auth.config.AccountSettings;
import dev.casebook.auth.security.PasswordHasher;
import dev.casebook.platform.domain.TooManyAttempts;
import dev.casebook.platform.domain.Unauthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Logs users in. A refusal never tells whether the username exists: same status, same detail, and an unknown
 * username costs a bcrypt check too. Failed logins are counted per username as sent, in the database, and too
 * many of them in the window refuse every further attempt for that username until the window has passed.
 */
@ApplicationScoped
public class Logins {

    static final String REFUSED = "The username or password is wrong";

    private final PasswordHasher passwords;
    private final Sessions sessions;
    private final int maxFailures;
    private final Duration window;
    private final LoginMeters meters;

    public Logins(PasswordHasher passwords, Sessions sessions, AccountSettings settings, LoginMeters meters) {
        this.passwords = passwords;
        this.meters = meters;
        this.sessions = sessions;
        this.maxFailures = settings.login().maxFailures();
        this.window = settings.login().failureWindow();
    }

    // A refusal must still record the failure, so problems do not roll the transaction back.
    @Transactional(dontRollbackOn = {Unauthenticated.class, TooManyAttempts.class})
    public Sessions.Tokens logIn(String username, String password) {
        String key = username.toLowerCase(Locale.ROOT);
        // Attempts for one username take turns, so parallel guesses cannot slip past the count.
        SerialLocks.loginAttemptsOf(key);
        Instant now = Instant.now();
        refuseWhileThrottled(key, now);

        User user = User.findByUsername(username);
        boolean passwordMatches = user == null ? passwords.matchesNobody(password) : passwords.matches(password, user.passwordHash);
        if (!passwordMatches || !user.enabled) {
            LoginFailure.purgeBefore(now.minus(window));
            LoginFailure.record(key, now);
            meters.badCredentials();
            throw new Unauthenticated(REFUSED);
        }
        LoginFailure.forget(key);
        return sessions.open(user, now);
    }

    private void refuseWhileThrottled(String key, Instant now) {
        List<Instant> failures = LoginFailure.latestSince(key, now.minus(window), maxFailures);
        if (failures.size() < maxFailures) {
            return;
        }
        // Attempts resume once the oldest of the counted failures leaves the window.
        Instant resumesAt = failures.get(maxFailures - 1).plus(window);
        long seconds = Math.max(1, (Duration.between(now, resumesAt).toMillis() + 999) / 1000);
        meters.paused();
        throw new TooManyAttempts("Too many failed logins for this username; try again in " + seconds + " seconds",
                Duration.ofSeconds(seconds));
    }
}
