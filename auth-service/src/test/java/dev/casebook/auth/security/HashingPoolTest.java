package dev.casebook.auth.security;

import dev.casebook.platform.domain.Busy;
import dev.casebook.platform.domain.TooManyAttempts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashingPoolTest {

    @Test
    void byDefaultHashesTakeAtMostHalfTheCoresButAlwaysHaveOne() {
        assertEquals(1, HashingPool.defaultThreads(1));
        assertEquals(1, HashingPool.defaultThreads(2));
        assertEquals(1, HashingPool.defaultThreads(3));
        assertEquals(4, HashingPool.defaultThreads(8));
    }

    @Test
    void whenEveryPlaceIsTakenTheNextIsRefusedAtOnceWithAWait() {
        HashingPool pool = new HashingPool(1, Optional.of(1), Duration.ofSeconds(5), Duration.ofSeconds(2));
        assertEquals(2, pool.size());
        pool.reserve(anyone());
        pool.reserve(anyone());
        Busy busy = assertThrows(Busy.class, () -> pool.reserve(anyone()));
        assertEquals(Duration.ofSeconds(2), busy.retryAfter());
        assertEquals(2, pool.placesTaken());
    }

    @Test
    void aPlaceGivenBackOrDoneWithCanBeTakenAgain() throws Exception {
        HashingPool pool = new HashingPool(1, Optional.of(0), Duration.ofSeconds(5), Duration.ofSeconds(1));
        HashingPool.Place place = pool.reserve(anyone());
        place.release();
        place.release(); // twice gives back one place only
        assertEquals(0, pool.placesTaken());

        String thread = pool.reserve(anyone()).run(() -> Thread.currentThread().getName()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertTrue(thread.startsWith("password-hashing-"), thread);
        awaitPlacesTaken(pool, 0);
        pool.reserve(anyone()).release();
    }

    @Test
    void noMoreRunAtOnceThanThereAreThreads() throws Exception {
        HashingPool pool = new HashingPool(2, Optional.of(3), Duration.ofSeconds(30), Duration.ofSeconds(1));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        CompletableFuture<?>[] checks = new CompletableFuture<?>[5];
        for (int i = 0; i < 5; i++) {
            checks[i] = pool.reserve(anyone()).run(() -> {
                started.countDown();
                await(release);
                return true;
            }).toCompletableFuture();
        }
        assertTrue(started.await(30, TimeUnit.SECONDS));
        awaitWaiting(pool, 3);
        assertThrows(Busy.class, () -> pool.reserve(anyone()));
        release.countDown();
        CompletableFuture.allOf(checks).get(30, TimeUnit.SECONDS);
        awaitPlacesTaken(pool, 0);
    }

    @Test
    void workThatWaitedTooLongForAThreadIsRefusedInsteadOfDone() throws Exception {
        AtomicLong now = new AtomicLong();
        HashingPool pool = new HashingPool(1, Optional.of(1), Optional.of(2), Duration.ofSeconds(2), Duration.ofSeconds(3), now::get);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = pool.reserve(anyone()).run(() -> {
            started.countDown();
            await(release);
            return true;
        }).toCompletableFuture();
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Boolean> second = pool.reserve(anyone()).run(() -> done.getAndSet(true)).toCompletableFuture();
        assertTrue(started.await(30, TimeUnit.SECONDS));
        awaitWaiting(pool, 1);
        now.addAndGet(Duration.ofSeconds(3).toNanos()); // the second has waited 3 s when a thread comes free
        release.countDown();
        assertTrue(first.get(30, TimeUnit.SECONDS));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> second.get(30, TimeUnit.SECONDS));
        assertInstanceOf(Busy.class, refused.getCause());
        assertFalse(done.get(), "the work was never done");
        awaitPlacesTaken(pool, 0);
    }

    @Test
    void oneAddressHoldsOnlyItsShareOfThePlaces() {
        HashingPool pool = new HashingPool(2, Optional.of(4), Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(1), System::nanoTime);
        HashingPool.Place first = pool.reserve("203.0.113.9");
        pool.reserve("203.0.113.9");
        TooManyAttempts refused = assertThrows(TooManyAttempts.class, () -> pool.reserve("203.0.113.9"));
        assertEquals(Duration.ofSeconds(1), refused.retryAfter());
        assertTrue(refused.refusesTheAddress(), "the whole address is told to wait");
        pool.reserve("198.51.100.1").release();
        assertEquals(2, pool.placesTaken(), "the refusal took no place");
        first.release();
        pool.reserve("203.0.113.9");
    }

    @Test
    void byDefaultTheQueueIsTwiceTheThreads() {
        assertEquals(3 * 3, new HashingPool(3, Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(1)).size());
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static String anyone() {
        return "192.0.2." + CLIENTS.incrementAndGet();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Places are given back just after the work's result is handed on: wait for it, for at most 30 s.
    static void awaitPlacesTaken(HashingPool pool, int taken) throws InterruptedException {
        for (int i = 0; i < 3000 && pool.placesTaken() != taken; i++) {
            Thread.sleep(10);
        }
        assertEquals(taken, pool.placesTaken());
    }

    private static void awaitWaiting(HashingPool pool, int waiting) throws InterruptedException {
        for (int i = 0; i < 3000 && pool.waiting() != waiting; i++) {
            Thread.sleep(10);
        }
        assertEquals(waiting, pool.waiting());
    }
}
