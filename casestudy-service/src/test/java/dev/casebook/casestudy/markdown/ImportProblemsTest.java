package dev.casebook.casestudy.markdown;

import dev.casebook.platform.problem.Problem;
import dev.casebook.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
