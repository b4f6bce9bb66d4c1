package dev.casebook.auth.domain;

import dev.casebook.auth.config.AccountSettings;
import dev.casebook.platform.domain.TooManyAttempts;
import dev.casebook.platform.domain.Unauthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The database's part of a login: two short transactions, one before the password is checked and one after a
 * match, so that no connection is held while bcrypt runs (see {@link Logins}).
 */
@ApplicationScoped
public class LoginAttempts {

    private final Sessions sessions;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final LoginDelays delays;

    public LoginAttempts(Sessions sessions, AccountSettings settings) {
        this.sessions = sessions;
        this.maxFailures = settings.login().maxFailures();
        this.maxFailuresPerAddress = settings.login().maxFailuresPerAddress();
        this.window = settings.login().failureWindow();
        this.delays = LoginDelays.of(settings.login());
    }

    /** A login on its way to the password check; {@code userId} is null for an unknown username. */
    public record Admission(long failureId, String usernameKey, ClientAddress address, UUID userId, String passwordHash,
                            Duration delay) {

        @Override
        public String toString() {
            return "Admission[" + usernameKey + " from " + address.key() + ", delay " + delay + "]";
        }
    }

    /**
     * Refuses an address that failed too often (for this username, or for any), else counts the attempt as a failure
     * until it succeeds, so that parallel guesses cannot slip past the count, and reads the user.
     */
    @Transactional
    public Admission admit(String username, ClientAddress address) {
        String key = username.toLowerCase(Locale.ROOT);
        // Attempts for one username take turns, so that parallel guesses from one address are all counted.
        SerialLocks.loginAttemptsOf(key);
        Instant now = Instant.now();
        Instant since = now.minus(window);
        refuseWhileOverLimit(LoginFailure.latestFrom(address, since, maxFailuresPerAddress), maxFailuresPerAddress, now,
                "Too many failed logins from this address", true);
        refuseWhileOverLimit(LoginFailure.latestOf(key, address, since, maxFailures), maxFailures, now,
                "Too many failed logins for this username from this address", false);
        Duration delay = delays.after(LoginFailure.countOf(key, since, delays.failuresThatReachTheCap()));
        LoginFailure.purgeBefore(since);
        long failureId = LoginFailure.record(key, address, now);
        User user = User.findByUsername(username);
        return user == null
                ? new Admission(failureId, key, address, null, null, delay)
                : new Admission(failureId, key, address, user.id, user.passwordHash, delay);
    }

    /** The password matched: the failures of this username from this address are forgotten and a session opens. */
    @Transactional
    public Sessions.Tokens succeed(Admission admission) {
        User user = User.findById(admission.userId());
        if (user == null || !user.enabled) {
            throw new Unauthenticated(Logins.REFUSED); // disabled (or removed) since: the failure stays counted
        }
        LoginFailure.forget(admission.usernameKey(), admission.address());
        return sessions.open(user, Instant.now());
    }

    /** The password was never checked (no room to check it): the attempt does not count. */
    @Transactional
    public void withdraw(Admission admission) {
        LoginFailure.withdraw(admission.failureId());
    }

    // A refusal of the whole address holds, whatever its next login is for, until it lifts by itself: no login
    // from it is admitted meanwhile, so none can succeed and forget failures.
    private void refuseWhileOverLimit(List<Instant> failures, int limit, Instant now, String what, boolean wholeAddress) {
        if (failures.size() < limit) {
            return;
        }
        // Attempts resume once the oldest of the counted failures leaves the window.
        Instant resumesAt = failures.get(limit - 1).plus(window);
        long seconds = Math.max(1, (Duration.between(now, resumesAt).toMillis() + 999) / 1000);
        String detail = what + "; try again in " + seconds + " seconds";
        throw wholeAddress
                ? TooManyAttempts.ofTheAddress(detail, Duration.ofSeconds(seconds))
                : new TooManyAttempts(detail, Duration.ofSeconds(seconds));
    }
}
