package dev.casebook.auth.domain;

import dev.casebook.auth.config.AccountSettings;
import dev.casebook.auth.domain.LoginAttempts.Admission;
import dev.casebook.auth.security.HashingPool;
import dev.casebook.auth.security.PasswordHasher;
import dev.casebook.platform.domain.Busy;
import dev.casebook.platform.domain.TooManyAttempts;
import dev.casebook.platform.domain.Unauthenticated;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Logs users in. A refusal never tells whether the username exists: same status, same detail, and an unknown
 * username costs a bcrypt check too. In order, none of it holding a thread or a connection longer than its step:
 * <ol>
 *   <li>a place in the {@link HashingPool}, or 429 (this address holds its share) or 503 (no place left), answered
 *       after {@code refusal-pause} on a timer: the refusal is decided at once, but a flood that asks again at once
 *       gets one answer per connection per pause;</li>
 *   <li>a short transaction ({@link LoginAttempts#admit}): an address that failed too often for this username, or
 *       for any, is refused (429); otherwise the attempt counts as a failure until it succeeds;</li>
 *   <li>for a username that failed recently, from anywhere, a wait that doubles with its failures, up to a few
 *       seconds, on a timer and without the place (the real user is slowed down, never locked out);</li>
 *   <li>bcrypt on the pool, no transaction open (503 if it could not start soon enough: the attempt then does not count);</li>
 *   <li>on a match, a second short transaction forgets this address's failures for the username and opens a session.</li>
 * </ol>
 */
@ApplicationScoped
public class Logins {

    static final String REFUSED = "The username or password is wrong";

    private final LoginAttempts attempts;
    private final HashingPool hashing;
    private final PasswordHasher passwords;
    private final Pause pause;
    private final Executor blocking;
    private final LoginMeters meters;
    private final Duration refusalPause;

    public Logins(LoginAttempts attempts, HashingPool hashing, PasswordHasher passwords, Pause pause, Executor blocking,
                  LoginMeters meters, AccountSettings settings) {
        this.refusalPause = settings.login().refusalPause();
        this.attempts = attempts;
        this.hashing = hashing;
        this.passwords = passwords;
        this.pause = pause;
        this.blocking = blocking; // Quarkus's worker pool: where the transactions run
        this.meters = meters;
    }

    /** Tokens, or fails with {@code Unauthenticated} (401), {@code TooManyAttempts} (429) or {@code Busy} (503). */
    public CompletionStage<Sessions.Tokens> logIn(String username, String password, ClientAddress from) {
        HashingPool.Place place;
        try {
            place = hashing.reserve(from.key());
        } catch (Busy | TooManyAttempts refused) {
            meters.refused(refused);
            return answeredAfterPause(refused);
        }
        CompletionStage<Sessions.Tokens> tokens = CompletableFuture
                .supplyAsync(() -> attempts.admit(username, from), blocking)
                .whenComplete((admission, refused) -> {
                    if (refused != null) {
                        place.release();
                    }
                })
                .thenCompose(admission -> admission.delay().isZero()
                        ? check(place, admission, password)
                        : checkAfterDelay(place, admission, password));
        return unwrapped(tokens);
    }

    private <T> CompletionStage<T> answeredAfterPause(RuntimeException refusal) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        pause.of(refusalPause).whenComplete((waited, failure) -> answer.completeExceptionally(refusal));
        return answer;
    }

    private CompletionStage<Sessions.Tokens> checkAfterDelay(HashingPool.Place place, Admission admission, String password) {
        place.release(); // waiting must not keep others from being checked
        return pause.of(admission.delay()).thenCompose(waited -> {
            HashingPool.Place again;
            try {
                again = hashing.reserve(admission.address().key());
            } catch (Busy | TooManyAttempts refused) {
                return withdrawn(admission, refused);
            }
            return check(again, admission, password);
        });
    }

    private CompletionStage<Sessions.Tokens> check(HashingPool.Place place, Admission admission, String password) {
        return place.run(() -> matches(admission, password))
                .exceptionallyCompose(failure -> cause(failure) instanceof Busy busy
                        ? withdrawn(admission, busy)
                        : CompletableFuture.failedFuture(failure))
                .thenCompose(matches -> matches
                        ? CompletableFuture.supplyAsync(() -> attempts.succeed(admission), blocking)
                        : CompletableFuture.failedFuture(new Unauthenticated(REFUSED)));
    }

    // The password was never checked, so the attempt does not count against anyone.
    private <T> CompletionStage<T> withdrawn(Admission admission, RuntimeException refusal) {
        return CompletableFuture.runAsync(() -> attempts.withdraw(admission), blocking)
                .thenApply(withdrawn -> {
                    throw refusal;
                });
    }

    private boolean matches(Admission admission, String password) {
        return admission.userId() == null
                ? passwords.matchesNobody(password)
                : passwords.matches(password, admission.passwordHash());
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    // Callers see the refusal itself, not the CompletionException a stage wraps it in; the meters count it.
    private <T> CompletionStage<T> unwrapped(CompletionStage<T> stage) {
        CompletableFuture<T> result = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                meters.refused(cause(failure));
                result.completeExceptionally(cause(failure));
            }
        });
        return result;
    }
}
