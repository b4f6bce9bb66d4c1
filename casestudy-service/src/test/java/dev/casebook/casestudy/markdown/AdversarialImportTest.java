package dev.casebook.casestudy.markdown;

import dev.casebook.platform.problem.ProblemException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * Properties: whatever Markdown a writer sends, the import either reads it or answers a 4xx problem, and never fails
 * in any other way; what it read renders to Markdown that imports again to the same rendering (a fixed point).
 * Generated documents, hostile and less so, and the known worst cases.
 */
class AdversarialImportTest {

    private static final int GENERATED = 1_000;

    @TestFactory
    Stream<DynamicTest> generatedDocumentsImportOrAreRefusedWithA4xx() {
        return LongStream.range(0, GENERATED).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> importsOrIsRefused(AdversarialMarkdown.generated(seed, seed % 2 == 0))));
    }

    @TestFactory
    Stream<DynamicTest> theKnownWorstCasesImportOrAreRefusedWithA4xx() {
        return AdversarialMarkdown.knownWorst().stream().map(worst -> DynamicTest.dynamicTest(worst[0], () -> importsOrIsRefused(worst[1])));
    }

    private static void importsOrIsRefused(String markdown) {
        String rendered;
        try {
            rendered = Markdowns.roundTrip(markdown, false);
        } catch (ProblemException problem) {
            assertThat(problem.status(), both(greaterThanOrEqualTo(400)).and(lessThan(500)));
            return;
        }
        assertThat(Markdowns.roundTrip(rendered, false), equalTo(rendered));
    }
}
