package dev.casebook.auth.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoginDelaysTest {

    private final LoginDelays delays = new LoginDelays(Duration.ofMillis(250), Duration.ofSeconds(4));

    @Test
    void noRecentFailureNoWait() {
        assertEquals(Duration.ZERO, delays.after(0));
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheCap() {
        assertEquals(Duration.ofMillis(250), delays.after(1));
        assertEquals(Duration.ofMillis(500), delays.after(2));
        assertEquals(Duration.ofMillis(1000), delays.after(3));
        assertEquals(Duration.ofMillis(2000), delays.after(4));
        assertEquals(Duration.ofMillis(4000), delays.after(5));
        assertEquals(Duration.ofMillis(4000), delays.after(6));
        assertEquals(Duration.ofMillis(4000), delays.after(1_000_000));
    }

    @Test
    void aCapThatIsNoPowerOfTwoOfTheBaseIsStillTheCap() {
        LoginDelays odd = new LoginDelays(Duration.ofMillis(300), Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(600), odd.after(2));
        assertEquals(Duration.ofSeconds(1), odd.after(3));
    }

    @Test
    void countingStopsWhereTheCapIsReached() {
        assertEquals(5, delays.failuresThatReachTheCap());
        assertEquals(1, new LoginDelays(Duration.ZERO, Duration.ofSeconds(4)).failuresThatReachTheCap());
    }
}
