package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.CaseStudyDocument.Approach;
import dev.casebook.casestudy.contract.CaseStudyDocument.Diagrammed;
import dev.casebook.casestudy.contract.CaseStudyDocument.TechnicalChallenge;
import dev.casebook.casestudy.contract.MetricRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Renders a case study as Markdown in the template's order and with the template's headings, so that it reads like
 * the template filled in: each section's prose, then its structured part, then the prose that followed it.
 * {@link CaseStudyMarkdownImport} reads the same shape back, so that import and render meet in a fixed point.
 *
 * <p>What comes out is safe for a renderer with HTML enabled ({@link SafeMarkdown}): raw HTML outside code is
 * escaped, links and images to anything but http(s), mailto or a relative address keep only their text, and the
 * front matter's values are escaped YAML ({@link FrontMatter}). The document itself keeps the writer's text as written.
 */
@ApplicationScoped
public class CaseStudyMarkdown {

    private final TemplateDiagrams diagrams;

    public CaseStudyMarkdown(TemplateDiagrams diagrams) {
        this.diagrams = diagrams;
    }

    /** The template's Markdown, which a CommonMark renderer turns into the template's headings and nothing else. */
    public String render(CaseStudyDocument doc, List<MetricRow> metrics) {
        return render(doc, metrics, false);
    }

    /**
     * @param frontMatter whether slug, client, industry and tags lead the document as YAML front matter, for
     *                    static-site generators; the template itself has none
     */
    public String render(CaseStudyDocument doc, List<MetricRow> metrics, boolean frontMatter) {
        Writer out = new Writer();
        if (frontMatter) {
            frontMatter(out, doc);
        }
        out.line("# " + Labels.TITLE_PREFIX + doc.title()).blank();

        out.line("## " + Labels.EXECUTIVE_SUMMARY).blank();
        out.block(doc.summary());

        out.line("## " + Labels.BUSINESS_CHALLENGE).blank();
        if (doc.challenge() != null) {
            out.block(doc.challenge().prose());
            out.labelled(Labels.TECHNICAL_CONTEXT, doc.challenge().technicalContext());
            out.labelledList(Labels.PAIN_POINTS, doc.challenge().painPoints());
            out.labelledList(Labels.LIMITATIONS, doc.challenge().limitations());
            out.endList();
            out.block(doc.challenge().proseAfter());
        }

        out.line("## " + Labels.SOLUTION_ARCHITECTURE).blank();
        diagrammed(out, doc.architecture());

        out.line("## " + Labels.TECHNICAL_IMPLEMENTATION).blank();
        if (doc.implementation() != null) {
            out.block(doc.implementation().prose());
        }
        out.line("### " + Labels.TECHNOLOGY_STACK).blank();
        if (doc.techStack() != null) {
            out.block(doc.techStack().prose());
            out.labelled(Labels.FRONTEND, joined(doc.techStack().frontend()));
            out.labelled(Labels.BACKEND, joined(doc.techStack().backend()));
            out.labelled(Labels.INFRASTRUCTURE, joined(doc.techStack().infrastructure()));
            out.labelled(Labels.TESTING, joined(doc.techStack().testing()));
            out.endList();
            out.block(doc.techStack().proseAfter());
        }
        out.line("### " + Labels.KEY_COMPONENTS).blank();
        diagrammed(out, doc.components());
        if (doc.implementation() != null) {
            out.block(doc.implementation().proseAfter());
        }

        out.line("## " + Labels.PERFORMANCE_METRICS).blank();
        if (doc.performance() != null) {
            out.block(doc.performance().prose());
        }
        out.line(MetricsTableReader.HEADER);
        out.line(MetricsTableReader.DIVIDER);
        for (MetricRow row : metrics) {
            out.line("| " + MetricCells.name(row.name()) + " | " + MetricCells.value(row.before(), row.unit()) + " | "
                    + MetricCells.value(row.after(), row.unit()) + " | " + MetricCells.improvement(row.improvementPercent()) + " |");
        }
        out.blank();
        if (doc.performance() != null) {
            out.block(doc.performance().proseAfter());
        }

        out.line("## " + Labels.CHALLENGES).blank();
        diagrammed(out, doc.challengesOverview());
        for (TechnicalChallenge challenge : orEmpty(doc.challenges())) {
            challenge(out, challenge);
        }

        out.line("## " + Labels.CODE_EXAMPLE).blank();
        if (doc.codeExample() != null) {
            out.block(doc.codeExample().caption());
            out.fenced(doc.codeExample().language() == null ? "" : doc.codeExample().language(), doc.codeExample().code());
            out.block(doc.codeExample().proseAfter());
        }

        out.line("## " + Labels.DEPLOYMENT_STRATEGY).blank();
        if (doc.deployment() != null) {
            List<String> stages = orEmpty(doc.deployment().stages());
            out.block(doc.deployment().prose());
            out.fenced("mermaid", doc.deployment().diagram() != null ? doc.deployment().diagram()
                    : stages.isEmpty() ? null : diagrams.pipeline(stages));
            for (int i = 0; i < stages.size(); i++) {
                out.numbered(i + 1, stages.get(i));
            }
            out.endList();
            out.block(doc.deployment().proseAfter());
        }

        out.line("## " + Labels.RESULTS).blank();
        if (doc.results() != null) {
            out.block(doc.results().prose());
            out.labelledList(Labels.TECHNICAL_METRICS, doc.results().technicalMetrics());
            out.labelledList(Labels.BUSINESS_VALUE, doc.results().businessValue());
            out.labelledList(Labels.ROI, doc.results().roi());
            out.endList();
            out.block(doc.results().proseAfter());
        }

        out.line("## " + Labels.LESSONS).blank();
        if (doc.lessons() != null) {
            out.block(doc.lessons().prose());
            out.labelledList(Labels.INSIGHTS, doc.lessons().insights());
            out.labelledList(Labels.PAID_OFF, doc.lessons().paidOff());
            out.labelledList(Labels.FAILED, doc.lessons().failed());
            out.labelledList(Labels.DECISIONS, doc.lessons().decisions());
            out.labelledList(Labels.DO_DIFFERENTLY, doc.lessons().doDifferently());
            out.endList();
            out.block(doc.lessons().proseAfter());
        }
        return SafeMarkdown.of(out.toString());
    }

    private void challenge(Writer out, TechnicalChallenge challenge) {
        out.line("### " + challenge.title()).blank();
        out.block(challenge.prose());
        boolean structured = challenge.approaches() != null || challenge.finalSolution() != null;
        out.fenced("mermaid", challenge.diagram() != null ? challenge.diagram() : structured ? diagrams.challenge(challenge) : null);
        for (Approach approach : orEmpty(challenge.approaches())) {
            out.labelled(Labels.APPROACH, approach.name());
            out.entries(Labels.PRO, approach.pros());
            out.entries(Labels.CON, approach.cons());
        }
        out.labelled(Labels.FINAL_SOLUTION, challenge.finalSolution());
        out.endList();
        out.block(challenge.proseAfter());
    }

    private static void diagrammed(Writer out, Diagrammed section) {
        if (section != null) {
            out.block(section.description());
            out.fenced("mermaid", section.diagram());
            out.block(section.proseAfter());
        }
    }

    // Values are quoted and escaped (FrontMatter), so that nothing a client's name holds can change the YAML.
    private static void frontMatter(Writer out, CaseStudyDocument doc) {
        out.line("---");
        if (doc.slug() != null) {
            out.line("slug: " + FrontMatter.quoted(doc.slug()));
        }
        if (doc.client() != null && doc.client().name() != null) {
            out.line("client: " + FrontMatter.quoted(doc.client().name()));
        }
        if (doc.client() != null && doc.client().industry() != null) {
            out.line("industry: " + FrontMatter.quoted(doc.client().industry()));
        }
        if (doc.tags() != null && !doc.tags().isEmpty()) {
            out.line("tags:");
            doc.tags().forEach(tag -> out.line("  - " + FrontMatter.quoted(tag)));
        }
        out.line("---").blank();
    }

    private static String joined(List<String> entries) {
        return entries == null || entries.isEmpty() ? null : String.join(", ", entries);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Markdown text built line by line; list items continue their text on indented lines. */
    private static final class Writer {

        private final StringBuilder text = new StringBuilder();
        private boolean inList;

        Writer line(String line) {
            text.append(line).append('\n');
            return this;
        }

        Writer blank() {
            text.append('\n');
            return this;
        }

        /** A block of the writer's Markdown; a list above it ends first. */
        void block(String markdown) {
            if (markdown != null && !markdown.isBlank()) {
                endList();
                line(markdown.stripTrailing()).blank();
            }
        }

        void labelled(String label, String value) {
            if (value != null && !value.isBlank()) {
                inList = true;
                line("- " + label + ": " + indented(value.strip(), "  "));
            }
        }

        /** One entry of one line stands after the label, as the template writes it; more go in a nested list. */
        void labelledList(String label, List<String> items) {
            if (items == null || items.isEmpty()) {
                return;
            }
            if (items.size() == 1 && items.get(0).indexOf('\n') < 0) {
                labelled(label, items.get(0));
                return;
            }
            inList = true;
            line("- " + label + ":");
            items.forEach(item -> line("  - " + indented(item.strip(), "    ")));
        }

        /** Entries under a list item, each with its label: {@code - Pro: …}; one of several lines in a list of its own. */
        void entries(String label, List<String> items) {
            for (String item : orEmpty(items)) {
                if (item.indexOf('\n') < 0) {
                    line("  - " + label + ": " + item.strip());
                } else {
                    line("  - " + label + ":");
                    line("    - " + indented(item.strip(), "      "));
                }
            }
        }

        void numbered(int number, String item) {
            inList = true;
            line(number + ". " + item);
        }

        void endList() {
            if (inList) {
                blank();
                inList = false;
            }
        }

        void fenced(String info, String code) {
            if (code == null) {
                return;
            }
            endList();
            String fence = fenceFor(code);
            line(fence + info).line(code.stripTrailing()).line(fence).blank();
        }

        // A fence longer than any run of backticks in the code, so the code can hold fences of its own.
        private static String fenceFor(String code) {
            int longest = 0;
            int run = 0;
            for (int i = 0; i < code.length(); i++) {
                run = code.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            return "`".repeat(Math.max(3, longest + 1));
        }

        // Continuation lines are indented under the item; blank lines stay blank.
        private static String indented(String value, String indent) {
            StringBuilder out = new StringBuilder(value.length() + 16);
            int start = 0;
            while (start <= value.length()) {
                int end = value.indexOf('\n', start);
                String line = value.substring(start, end < 0 ? value.length() : end);
                if (start > 0) {
                    out.append('\n');
                    if (!line.isBlank()) {
                        out.append(indent);
                    }
                }
                out.append(line.isBlank() && start > 0 ? "" : line);
                if (end < 0) {
                    break;
                }
                start = end + 1;
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return text.toString().stripTrailing() + "\n";
        }
    }
}
