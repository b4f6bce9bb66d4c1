package dev.casebook.auth.security;

import dev.casebook.auth.config.AccountSettings;
import dev.casebook.platform.domain.Busy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where bcrypt runs: a few threads of its own (one per core by default) and a short queue in front of them. A login
 * reserves its place before anything else; when every place is taken it is refused at once ({@link Busy}, 503), so
 * a flood of logins costs at most this many hashes at a time and never ties up the threads or database connections
 * the other routes need.
 */
@ApplicationScoped
public class HashingPool {

    private final ThreadPoolExecutor threads;
    private final Semaphore places;
    private final int size;
    private final Duration retryAfter;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;

    @Inject
    public HashingPool(AccountSettings settings) {
        this(settings.password().threads().orElse(Runtime.getRuntime().availableProcessors()),
                settings.password().queue(), settings.password().maxWait(), settings.password().busyRetryAfter());
    }

    HashingPool(int threadCount, Optional<Integer> queue, Duration maxWait, Duration retryAfter) {
        this(threadCount, queue, maxWait, retryAfter, System::nanoTime);
    }

    HashingPool(int threadCount, Optional<Integer> queue, Duration maxWait, Duration retryAfter, LongSupplier nanoTime) {
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
    }

    /** A place for one password check, or {@link Busy} at once when there is none. */
    public Place reserve() {
        if (!places.tryAcquire()) {
            throw busy();
        }
        return new Place();
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

        private Place() {
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
            }
        }
    }
}
