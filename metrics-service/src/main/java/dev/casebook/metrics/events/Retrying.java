package dev.casebook.metrics.events;

import dev.casebook.metrics.config.ConsumerRetries;
import dev.casebook.platform.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the effect of a Kafka record again when it failed for a reason that may pass. When the last attempt fails,
 * the exception reaches SmallRye, which sends the record to the dead-letter topic with the message in the
 * {@code dead-letter-reason} header and goes on with the next record.
 */
@ApplicationScoped
public class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);

    private final ConsumerRetries retries;

    public Retrying(ConsumerRetries retries) {
        this.retries = retries;
    }

    public void run(String what, Runnable effect) {
        long pause = retries.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                effect.run();
                return;
            } catch (MalformedEventException e) {
                throw e; // will never work
            } catch (RuntimeException e) {
                if (attempt >= retries.attempts()) {
                    LOG.warnf("%s failed %d times and goes to the dead-letter topic: %s", what, attempt, e.getMessage());
                    throw e;
                }
                LOG.infof("%s failed (attempt %d of %d), trying again in %d ms: %s", what, attempt, retries.attempts(), pause, e.getMessage());
                sleep(pause);
                pause *= 2;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
