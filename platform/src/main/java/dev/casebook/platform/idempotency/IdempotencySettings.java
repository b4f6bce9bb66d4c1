package dev.casebook.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a service remembers the answers to writes sent with an {@code Idempotency-Key}, and how it forgets them. */
@ConfigMapping(prefix = "casebook.idempotency")
public interface IdempotencySettings {

    /**
     * How long a key and its answer are kept: a repeat within it gets the first answer again; after it the key is
     * forgotten and the request runs anew. A day by default, as the draft and Stripe suggest.
     */
    @WithDefault("24h")
    Duration retention();

    /**
     * How long a repeat waits for the first request with its key to finish, then to get its answer; after that it is
     * answered 409 with Retry-After. Below the gateway's 5 s route timeout, so a client gets the 409 and not a 504.
     */
    @WithDefault("4s")
    Duration inFlightWait();

    /** How often an instance purges keys older than the retention (one instance of a service at a time). */
    @WithDefault("10m")
    Duration purgeInterval();

    /** How many forgotten keys one purge deletes in one transaction, so that a purge never holds long locks. */
    @WithDefault("1000")
    int purgeBatch();

    /** How many batches one purge run deletes at most; the next run goes on where it stopped. */
    @WithDefault("100")
    int purgeBatchesPerRun();
}
