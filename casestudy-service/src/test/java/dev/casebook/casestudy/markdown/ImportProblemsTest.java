package dev.casebook.casestudy.markdown;

import dev.casebook.platform.problem.Problem;
import dev.casebook.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A 422 only for what is not the template, naming the section and the line. */
class ImportProblemsTest {

    private static final String SUMMARY = "# Case Study: Problems\n\n## Executive Summary\n\nFine.\n\n";

    private static Problem refused(String markdown) {
        ProblemException problem = assertThrows(ProblemException.class, () -> Markdowns.IMPORT.read(markdown));
        assertThat(problem.status(), equalTo(422));
        return problem.toProblem("/api/case-studies/import", "test");
    }

    private static void assertRefused(String markdown, String section, int line, String detail) {
        Problem problem = refused(markdown);
        assertThat(problem.properties().get("section"), equalTo(section));
        assertThat(problem.properties().get("line"), equalTo(line));
        assertThat(problem.detail(), containsString(detail));
    }

    /** The whole detail, which starts with the line and the section so that a writer finds the place. */
    private static Problem assertRefusedExactly(String markdown, String section, int line, String detail) {
        Problem problem = refused(markdown);
        assertThat(problem.status(), equalTo(422));
        assertThat(problem.properties().get("section"), equalTo(section));
        assertThat(problem.properties().get("line"), equalTo(line));
        assertThat(problem.detail(), equalTo("Line " + line + ", " + section + ": " + detail));
        return problem;
    }

    @Test
    void aDocumentWithoutTheTitleIsRefused() {
        assertRefused("Just some notes.\n", "title", 1, "# Case Study: ");
        assertRefused("# Notes\n\n## Executive Summary\n\nx\n", "title", 1, "not '# Notes'");
        assertRefused("# Case Study:   \n\n## Executive Summary\n\nx\n", "title", 1, "<project name>");
    }

    @Test
    void aSecondTitleIsRefused() {
        assertRefused(SUMMARY + "# Case Study: Again\n", "title", 7, "one title");
    }

    @Test
    void theExecutiveSummaryIsRequiredAndNotEmpty() {
        assertRefused("# Case Study: No summary\n\n## Business Challenge\n\n- Pain points: many\n", "Executive Summary", 1, "missing");
        assertRefused("# Case Study: Empty summary\n\n## Executive Summary\n\n## Business Challenge\n\n- Pain points: x\n",
                "Executive Summary", 3, "empty");
    }

    @Test
    void sectionsOutOfOrderAreRefused() {
        assertRefused(SUMMARY + "## Lessons Learned\n\n- Technical insights: x\n\n## Code Example\n\n```java\nx();\n```\n",
                "Code Example", 11, "comes before 'Lessons Learned'");
    }

    @Test
    void aSectionTwiceIsRefused() {
        assertRefused(SUMMARY + "## Executive summary\n\nAgain.\n", "Executive Summary", 7, "appears twice (first at line 3)");
    }

    @Test
    void aHeadingThatIsNotTheTemplatesIsRefused() {
        assertRefused(SUMMARY + "## Team Photos\n\nNope.\n", "Team Photos", 7, "not a section of the template");
    }

    @Test
    void aDiagramThatIsNotMermaidIsRefused() {
        assertRefused(SUMMARY + "## Deployment Strategy\n\n```plantuml\nA -> B\n```\n", "Deployment Strategy", 9, "mermaid");
        assertRefused(SUMMARY + "## Technical Challenges & Solutions\n\n### Scale\n\n```graphviz\ndigraph { a -> b }\n```\n",
                "Technical Challenges & Solutions / Scale", 11, "mermaid");
    }

    @Test
    void aMermaidFenceThatIsNoDiagramIsRefusedAsItsField() {
        Problem problem = refused(SUMMARY + "## Solution Architecture\n\n```mermaid\nnot a diagram\n```\n");
        assertThat(problem.properties().get("section"), equalTo("Solution Architecture"));
        assertThat(problem.properties().get("line"), equalTo(7));
        assertThat(problem.errors().get(0).field(), equalTo("architecture.diagram"));
    }

    @Test
    void aSectionOverItsLimitIsRefused() {
        Problem problem = refused(SUMMARY + "## Business Challenge\n\n- Pain points: " + "long ".repeat(300) + "\n");
        assertThat(problem.properties().get("section"), equalTo("Business Challenge"));
        assertThat(problem.properties().get("line"), equalTo(7));
        assertThat(problem.errors().get(0).field(), equalTo("challenge.painPoints[0]"));
    }

    @Test
    void listsNestedDeeperThanACaseStudyCanAreRefusedBeforeParsing() {
        StringBuilder deep = new StringBuilder(SUMMARY + "## Business Challenge\n\n");
        for (int i = 0; i < 40; i++) {
            deep.append("  ".repeat(i)).append("- Pain points: level ").append(i).append('\n');
        }
        assertRefused(deep.toString(), "document", 9 + 32, "nest deeper"); // 64 spaces and a marker: over 64 columns
        assertRefused(SUMMARY + "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x\n", "document", 7, "nest deeper");
        assertRefused(SUMMARY + "- - x\n".repeat(20_000), "document", 7 + NestingBudget.MAX_COLUMNS / 4, "in the whole document");
    }

    @Test
    void fencedCodeAndThematicBreaksDoNotCountAsNesting() {
        String code = SUMMARY + "```yaml\n" + (" ".repeat(80) + "- deeply: indented\n").repeat(1_000) + "```\n\n" + "- ".repeat(500) + "\n";
        assertThat(NestingBudget.overAt(code), equalTo(0));
    }

    @Test
    void theTemplatesOwnPlaceholdersAreNotACaseStudyYet() {
        assertRefused(SUMMARY + "## Business Challenge\n\n- Technical context\n- Pain points\n", "Business Challenge", 9,
                "'Technical context:' is still the template's placeholder");
    }

    @Test
    void aDocumentWithNoTitleAnywhereIsRefusedAtItsFirstLine() {
        String detail = "The document must start with '# Case Study: <project name>'";
        assertRefusedExactly("", "title", 1, detail);
        assertRefusedExactly("## Executive Summary\n", "title", 1, detail);
    }

    @Test
    void textBeforeTheTitleIsRefusedAtItsLine() {
        assertRefusedExactly("---\nslug: early\n---\n\nNotes first.\n\n# Case Study: Late\n", "title", 5,
                "The document starts with '# Case Study: <project name>'");
    }

    @Test
    void aTitleOverItsLimitIsRefusedAsTheTitle() {
        assertRefusedExactly("# Case Study: " + "x".repeat(201) + "\n\n## Executive Summary\n\nFine.\n", "title", 1,
                "Field 'title' size must be between 0 and 200");
    }

    @Test
    void aSlugThatIsNoSlugIsRefusedAsTheFrontMatter() {
        assertRefusedExactly("---\nslug: Not A Slug\n---\n" + SUMMARY, "front matter", 1,
                "Field 'slug' must be lowercase words joined by hyphens, such as checkout-rewrite");
    }

    @Test
    void moreThanOneFieldOverItsLimitNamesTheFirstAndCountsTheOthers() {
        Problem problem = assertRefusedExactly("---\nslug: Not A Slug\ntags:\n  - one, two\n---\n" + SUMMARY, "front matter", 1,
                "Field 'slug' must be lowercase words joined by hyphens, such as checkout-rewrite (and 1 more in errors)");
        assertThat(problem.errors().get(1).field(), equalTo("tags[0]"));
    }

    @Test
    void aSummaryOverItsLimitIsRefusedInTheExecutiveSummary() {
        assertRefusedExactly("# Case Study: Long\n\n## Executive Summary\n\n" + "word ".repeat(4_001) + "\n",
                "Executive Summary", 3, "Field 'summary' size must be between 0 and 20000");
    }

    /** Each field is refused in the section it is read from, at the section's heading (line 7, after SUMMARY). */
    static Stream<Arguments> fieldsOverTheirLimits() {
        return Stream.of(
                arguments("Technical Implementation", "### Technology Stack\n\n- Frontend: " + "x".repeat(101) + "\n",
                        "Field 'techStack.frontend[0]' size must be between 0 and 100"),
                arguments("Performance Metrics", "word ".repeat(4_001) + "\n",
                        "Field 'performance.prose' size must be between 0 and 20000"),
                arguments("Technical Challenges & Solutions", "### " + "x".repeat(201) + "\n\n- Final solution: y\n",
                        "Field 'challenges[0].title' size must be between 0 and 200"),
                arguments("Code Example", "```ja$va\nrun();\n```\n",
                        "Field 'codeExample.language' must be a language name such as java or typescript"),
                arguments("Deployment Strategy", "- Build\n".repeat(21),
                        "Field 'deployment.stages' size must be between 0 and 20"),
                arguments("Results & Business Impact", "- Technical metrics achieved: " + "x".repeat(1_001) + "\n",
                        "Field 'results.technicalMetrics[0]' size must be between 0 and 1000"),
                arguments("Lessons Learned", "- Technical insights: " + "x".repeat(1_001) + "\n",
                        "Field 'lessons.insights[0]' size must be between 0 and 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsOverTheirLimits")
    void aFieldOverItsLimitIsRefusedInItsSection(String section, String body, String detail) {
        assertRefusedExactly(SUMMARY + "## " + section + "\n\n" + body, section, 7, detail);
    }
}
