package dev.casebook.auth.security;

import dev.casebook.auth.config.AccountSettings;
import dev.casebook.platform.domain.Busy;
import dev.casebook.platform.domain.TooManyAttempts;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where bcrypt runs: a few threads of its own (half the cores by default) and a short queue in front of them. A login
 * reserves its place before anything else; one address may hold only a share of the places (429 beyond it), and
 * when every place is taken a login is refused at once ({@link Busy}, 503). So a flood of logins costs at most this
 * many hashes at a time and never ties up the threads or database connections the other routes need.
 */
@ApplicationScoped
public class HashingPool {

    private final ThreadPoolExecutor threads;
    private final Semaphore places;
    private final int size;
    private final Duration retryAfter;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    private final int perClient;
    private final Map<String, Integer> takenByClient = new ConcurrentHashMap<>();

    @Inject
    public HashingPool(AccountSettings settings) {
        this(settings.password().threads().orElse(defaultThreads(Runtime.getRuntime().availableProcessors())),
                settings.password().queue(), settings.password().placesPerAddress(), settings.password().maxWait(),
                settings.password().busyRetryAfter(), System::nanoTime);
    }

    HashingPool(int threadCount, Optional<Integer> queue, Duration maxWait, Duration retryAfter) {
        this(threadCount, queue, Optional.empty(), maxWait, retryAfter, System::nanoTime);
    }

    HashingPool(int threadCount, Optional<Integer> queue, Optional<Integer> perClient, Duration maxWait, Duration retryAfter,
                LongSupplier nanoTime) {
        if (threadCount < 1) {
            throw new IllegalArgumentException("casebook.auth.password.threads must be at least 1, not " + threadCount);
        }
        AtomicInteger numbers = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
            Thread thread = new Thread(work, "password-hashing-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.size = threadCount + Math.max(0, queue.orElse(2 * threadCount));
        this.places = new Semaphore(size);
        this.retryAfter = retryAfter;
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
        this.perClient = Math.max(1, perClient.orElse(threadCount));
    }

    /** Half the cores, at least one: what a flood of logins may take of the machine. */
    static int defaultThreads(int cores) {
        return Math.max(1, cores / 2);
    }

    /**
     * A place for one password check for {@code client} (its address); {@link TooManyAttempts} at once when that
     * client already holds its share, so that one address cannot take every place, and {@link Busy} when there is none.
     */
    public Place reserve(String client) {
        boolean[] withinShare = {false};
        takenByClient.compute(client, (key, taken) -> {
            int now = taken == null ? 0 : taken;
            withinShare[0] = now < perClient;
            return withinShare[0] ? now + 1 : now;
        });
        if (!withinShare[0]) {
            // The whole address is told to wait, so a gateway in front may refuse its next logins itself until then.
            throw TooManyAttempts.ofTheAddress("Too many logins at once from this address; try again in a moment", retryAfter);
        }
        if (!places.tryAcquire()) {
            giveBack(client);
            throw busy();
        }
        return new Place(client);
    }

    private void giveBack(String client) {
        takenByClient.computeIfPresent(client, (key, taken) -> taken <= 1 ? null : taken - 1);
    }

    private Busy busy() {
        return new Busy("Too many logins are being checked at once; try again in a moment", retryAfter);
    }

    /** Places taken (being hashed, waiting for a thread, or reserved by a login on its way). */
    public int placesTaken() {
        return size - places.availablePermits();
    }

    /** Places in all: hashing threads plus the queue. */
    public int size() {
        return size;
    }

    public int threads() {
        return threads.getCorePoolSize();
    }

    /** Checks waiting for a thread. */
    public int waiting() {
        return threads.getQueue().size();
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }

    /** One reserved place; given back when its work is done, or by {@link #release()} if it is not needed. */
    public final class Place {

        private final AtomicBoolean held = new AtomicBoolean(true);
        private final String client;

        private Place(String client) {
            this.client = client;
        }

        /**
         * Runs {@code work} on a hashing thread; the place is given back when it is done. Work that could not start
         * within {@code max-wait} (a machine too busy to keep up) fails with {@link Busy} instead: its caller would
         * have given up by the time it was done.
         */
        public <T> CompletionStage<T> run(Supplier<T> work) {
            long queuedAt = nanoTime.getAsLong();
            // Never rejected: the places bound what waits in the executor's queue.
            return CompletableFuture.supplyAsync(() -> {
                if (nanoTime.getAsLong() - queuedAt > maxWaitNanos) {
                    throw busy();
                }
                return work.get();
            }, threads).whenComplete((result, failure) -> release());
        }

        public void release() {
            if (held.compareAndSet(true, false)) {
                places.release();
                giveBack(client);
            }
        }
    }
}
