package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.MetricRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** What each way of writing the template becomes: structure where it can be read, prose and a note where not. */
class TemplateShapesTest {

    private static CaseStudyMarkdownImport.Imported imported(String file) {
        return Markdowns.IMPORT.read(Markdowns.read(Markdowns.CORPUS.resolve(file)));
    }

    @Test
    void theTemplatesOwnBulletsAndDiagramsBecomeStructure() {
        CaseStudyMarkdownImport.Imported imported = imported("01-template-literal.md");
        CaseStudyDocument doc = imported.document();
        assertThat(doc.challenge().technicalContext(), notNullValue());
        assertThat(doc.challenge().painPoints().size(), equalTo(1));
        assertThat(doc.challenge().limitations().size(), equalTo(1));
        assertThat(doc.results().technicalMetrics().size(), equalTo(1));
        assertThat(doc.results().businessValue().size(), equalTo(1));
        assertThat(doc.results().roi().size(), equalTo(1));
        assertThat(doc.lessons().insights().size(), equalTo(1));
        assertThat(doc.lessons().decisions().size(), equalTo(1));
        assertThat(doc.lessons().doDifferently().size(), equalTo(1));
        assertThat(doc.challengesOverview().diagram(), startsWith("graph TD"));
        assertThat(doc.challenges(), nullValue());
        assertThat(doc.deployment().diagram(), startsWith("flowchart LR"));
        assertThat(doc.codeExample().language(), equalTo("javascript"));
        assertThat(imported.metrics().stream().map(metric -> metric.name()).toList(),
                contains("Response Time", "Throughput", "Error Rate"));
        assertThat(imported.notes(), empty());
    }

    @Test
    void crlfReadsLikeLf() {
        String lf = Markdowns.read(Markdowns.CORPUS.resolve("02-crlf.md")).replace("\r\n", "\n");
        assertThat(Markdowns.IMPORT.read(lf.replace("\n", "\r\n")).document(), equalTo(Markdowns.IMPORT.read(lf).document()));
    }

    @Test
    void headingsMatchWhateverTheirCaseAndAndOrAmpersand() {
        CaseStudyDocument doc = imported("04-heading-case.md").document();
        assertThat(doc.techStack().backend(), notNullValue());
        assertThat(doc.results(), notNullValue());
        assertThat(doc.challenges(), notNullValue());
    }

    @Test
    void nestedBulletsStayUnderTheirItem() {
        CaseStudyDocument doc = imported("05-nested-bullets.md").document();
        assertThat(String.join("\n", doc.challenge().painPoints()), containsString("\n- "));
    }

    @Test
    void metricRowsOfAnyNameAndUnitAreMetrics() {
        List<MetricRow> rows = imported("06-extra-metric-rows.md").metricsAsWritten();
        assertThat(rows.size(), equalTo(8));
        MetricRow cost = rows.stream().filter(row -> row.name().equals("Monthly cost")).findFirst().orElseThrow();
        assertThat(cost.unit(), equalTo("$"));
        assertThat(cost.before().intValue(), equalTo(42_000));
        assertThat(cost.better(), equalTo("LOWER"));
        MetricRow regions = rows.stream().filter(row -> row.name().equals("Packaging regions")).findFirst().orElseThrow();
        assertThat("n/a tells no direction; the writer sets it later", regions.better(), nullValue());
    }

    @Test
    void proseUnderListSectionsIsKeptInItsSection() {
        CaseStudyDocument doc = imported("07-prose-sections.md").document();
        assertThat(doc.challenge().prose(), notNullValue());
        assertThat(doc.challenge().proseAfter(), notNullValue());
        assertThat(doc.results().proseAfter(), notNullValue());
        assertThat(doc.implementation().prose(), notNullValue());
        assertThat(doc.architecture().description(), notNullValue());
        assertThat(doc.architecture().proseAfter(), notNullValue());
        assertThat(doc.deployment().prose(), notNullValue());
        assertThat(doc.performance().proseAfter(), notNullValue());
    }

    @Test
    void plainItemsAreKeptAsProseAndSaidSo() {
        CaseStudyMarkdownImport.Imported imported = imported("08-plain-items.md");
        assertThat(imported.document().challenge().technicalContext(), notNullValue());
        assertThat(imported.document().challenge().proseAfter(), containsString("Orders timed out at peak"));
        assertThat(imported.notes().stream().map(ImportNote::section).toList(), hasItem("Business Challenge"));
    }

    @Test
    void challengesAreApproachesOrProseOrADiagram() {
        List<CaseStudyDocument.TechnicalChallenge> challenges = imported("09-challenges-subsections.md").document().challenges();
        assertThat(challenges.size(), equalTo(3));
        assertThat(challenges.get(0).approaches().get(0).pros(), notNullValue());
        assertThat(challenges.get(0).approaches().get(0).cons(), notNullValue());
        assertThat(challenges.get(0).finalSolution(), notNullValue());
        assertThat(challenges.get(1).approaches(), nullValue());
        assertThat(challenges.get(1).prose(), notNullValue());
        assertThat(challenges.get(2).diagram(), notNullValue());
    }

    @Test
    void frontMatterGivesSlugClientAndTags() {
        CaseStudyDocument doc = imported("10-front-matter.md").document();
        assertThat(doc.slug(), notNullValue());
        assertThat(doc.client().name(), notNullValue());
        assertThat(doc.tags(), not(empty()));
    }

    @Test
    void frontMatterValuesComeBackWhateverTheyHold() {
        String markdown = "---\nslug: odd\nclient: \"Acme: \\\"East\\\" # 2\"\n---\n\n# Case Study: Odd\n\n## Executive Summary\n\nx\n";
        CaseStudyDocument doc = Markdowns.IMPORT.read(markdown).document();
        assertThat(doc.client().name(), equalTo("Acme: \"East\" # 2"));
        String rendered = Markdowns.RENDER.render(doc, List.of(), true);
        assertThat(Markdowns.IMPORT.read(rendered).document(), equalTo(doc));
    }

    @Test
    void theMarkdownRendersToTheTemplatesHeadingsAndNothingElse() {
        Parser commonMark = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        for (Path file : Markdowns.corpus()) {
            CaseStudyMarkdownImport.Imported imported = Markdowns.IMPORT.read(Markdowns.read(file));
            Node rendered = commonMark.parse(Markdowns.RENDER.render(imported.document(), imported.metricsAsWritten()));
            List<String> headings = new ArrayList<>();
            List<Node> breaks = new ArrayList<>();
            rendered.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    if (heading.getLevel() <= 2) {
                        StringBuilder text = new StringBuilder();
                        for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
                            if (child instanceof Text literal) {
                                text.append(literal.getLiteral());
                            }
                        }
                        headings.add("#".repeat(heading.getLevel()) + " " + text);
                    }
                }

                @Override
                public void visit(ThematicBreak thematicBreak) {
                    breaks.add(thematicBreak);
                }
            });
            assertThat(file.toString(), headings.subList(1, headings.size()), contains(
                    "## Executive Summary", "## Business Challenge", "## Solution Architecture", "## Technical Implementation",
                    "## Performance Metrics", "## Technical Challenges & Solutions", "## Code Example", "## Deployment Strategy",
                    "## Results & Business Impact", "## Lessons Learned"));
            assertThat(headings.get(0), startsWith("# Case Study: "));
            assertThat(file + " renders no stray <hr>", breaks, empty());
        }
    }
}
