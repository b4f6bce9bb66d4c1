package dev.casebook.metrics;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * A JSON number close to a value, whichever Java type Rest Assured gives it: computed numbers are written without
 * trailing zeros, so a mean of 100 arrives as the integer {@code 100} and 37.5 as a double.
 */
final class Near extends TypeSafeMatcher<Number> {

    private static final double TOLERANCE = 1e-9;
    private final double expected;

    private Near(double expected) {
        this.expected = expected;
    }

    static Matcher<Number> near(double expected) {
        return new Near(expected);
    }

    @Override
    protected boolean matchesSafely(Number actual) {
        return Math.abs(actual.doubleValue() - expected) <= TOLERANCE;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a number within " + TOLERANCE + " of " + expected);
    }
}
