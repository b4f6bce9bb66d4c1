package dev.casebook.gateway;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a header that states seconds, such as {@code Retry-After}: digits only, and a number as {@code seconds} says. */
final class WholeSeconds {

    private WholeSeconds() {
    }

    static Matcher<String> wholeSeconds(Matcher<Integer> seconds) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String value) {
                return value.matches("\\d{1,9}") && seconds.matches(Integer.parseInt(value));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("whole seconds ").appendDescriptionOf(seconds);
            }
        };
    }
}
