package dev.casebook.platform.problem;

import dev.casebook.platform.domain.Busy;
import dev.casebook.platform.domain.Conflict;
import dev.casebook.platform.domain.DomainException;
import dev.casebook.platform.domain.InvalidInput;
import dev.casebook.platform.domain.NotAllowed;
import dev.casebook.platform.domain.NotFound;
import dev.casebook.platform.domain.NotKnownYet;
import dev.casebook.platform.domain.RetryLater;
import dev.casebook.platform.domain.StaleVersion;
import dev.casebook.platform.domain.TooManyAttempts;
import dev.casebook.platform.domain.Unauthenticated;

import java.time.Duration;

/** The one answer to each kind of domain refusal, for every service. */
public final class DomainProblems {

    private DomainProblems() {
    }

    public static ProblemException of(DomainException refusal) {
        ProblemException problem = new ProblemException(status(refusal), refusal.getMessage());
        if (refusal instanceof RetryLater later) {
            problem.withHeader("Retry-After", seconds(later.retryAfter()));
            if (later instanceof TooManyAttempts attempts && attempts.refusesTheAddress()) {
                problem.withHeader(AddressRefusal.HEADER, AddressRefusal.SCOPE);
            }
        } else if (refusal instanceof InvalidInput invalid) {
            problem.withType(ProblemType.VALIDATION_FAILED).withErrors(invalid.errors());
        }
        refusal.facts().forEach(problem::with);
        return problem;
    }

    private static int status(DomainException refusal) {
        if (refusal instanceof NotFound || refusal instanceof NotKnownYet) {
            return 404;
        } else if (refusal instanceof Conflict) {
            return 409;
        } else if (refusal instanceof StaleVersion) {
            return 412;
        } else if (refusal instanceof NotAllowed) {
            return 403;
        } else if (refusal instanceof Unauthenticated) {
            return 401;
        } else if (refusal instanceof TooManyAttempts) {
            return 429;
        } else if (refusal instanceof Busy) {
            return 503;
        }
        return 400; // InvalidInput
    }

    private static String seconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
