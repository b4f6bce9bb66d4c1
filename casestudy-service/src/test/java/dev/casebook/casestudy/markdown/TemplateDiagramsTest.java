package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument.Approach;
import dev.casebook.casestudy.contract.CaseStudyDocument.TechnicalChallenge;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

class TemplateDiagramsTest {

    private final TemplateDiagrams diagrams = new TemplateDiagrams();

    @Test
    void labelsKeepEveryCharacterInMermaidsQuotedForm() {
        assertThat(TemplateDiagrams.label("p99 > 6 s"), equalTo("\"p99 #gt; 6 s\""));
        assertThat(TemplateDiagrams.label("10% -> 100%"), equalTo("\"10% -#gt; 100%\""));
        assertThat(TemplateDiagrams.label("say \"hi\" [now] #1 <b> & `x`"),
                equalTo("\"say #quot;hi#quot; [now] #35;1 #lt;b#gt; #amp; #96;x#96;\""));
    }

    @Test
    void longLabelsAreNotCut() {
        String stage = "Canary to 10% of traffic for thirty minutes while error budgets and p99 latency are watched by the on-call";
        assertThat(diagrams.pipeline(List.of("Build", stage)), containsString(stage.replace("%", "%")));
    }

    @Test
    void aChallengeDrawsItsApproachesAndTheirOutcomes() {
        String drawn = diagrams.challenge(new TechnicalChallenge("Latency (p99 > 6 s)",
                List.of(new Approach("Cache [edge]", List.of("Fast"), null)), "Both", null, null, null));
        assertThat(drawn, equalTo("""
                graph TD
                    C["Latency (p99 #gt; 6 s)"] --> A1["Cache [edge]"]
                    A1 --> R1["Pros: Fast / Cons: none"]
                    R1 --> F["Final Solution: Both"]"""));
    }
}
