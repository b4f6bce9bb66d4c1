package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.domain.CaseStudyDocument;
import dev.casebook.casestudy.domain.CaseStudyDocument.Approach;
import dev.casebook.casestudy.domain.CaseStudyDocument.TechnicalChallenge;
import dev.casebook.casestudy.domain.MetricRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Renders a case study as Markdown in the template's order and with the template's headings, so that
 * it reads like the template filled in. {@link CaseStudyMarkdownImport} reads the same shape back.
 */
@ApplicationScoped
public class CaseStudyMarkdown {

    private final TemplateDiagrams diagrams;

    public CaseStudyMarkdown(TemplateDiagrams diagrams) {
        this.diagrams = diagrams;
    }

    public String render(CaseStudyDocument doc, List<MetricRow> metrics) {
        Writer out = new Writer();
        frontMatter(out, doc);
        out.line("# " + Labels.TITLE_PREFIX + doc.title()).blank();

        out.line("## " + Labels.EXECUTIVE_SUMMARY).blank();
        out.block(doc.summary());

        out.line("## " + Labels.BUSINESS_CHALLENGE).blank();
        if (doc.challenge() != null) {
            out.labelled(Labels.TECHNICAL_CONTEXT, doc.challenge().technicalContext());
            out.labelledList(Labels.PAIN_POINTS, doc.challenge().painPoints());
            out.labelledList(Labels.LIMITATIONS, doc.challenge().limitations());
            out.endList();
        }

        out.line("## " + Labels.SOLUTION_ARCHITECTURE).blank();
        if (doc.architecture() != null) {
            out.block(doc.architecture().description());
            out.fenced("mermaid", doc.architecture().diagram());
        }

        out.line("## " + Labels.TECHNICAL_IMPLEMENTATION).blank();
        out.line("### " + Labels.TECHNOLOGY_STACK).blank();
        if (doc.techStack() != null) {
            out.labelled(Labels.FRONTEND, joined(doc.techStack().frontend()));
            out.labelled(Labels.BACKEND, joined(doc.techStack().backend()));
            out.labelled(Labels.INFRASTRUCTURE, joined(doc.techStack().infrastructure()));
            out.labelled(Labels.TESTING, joined(doc.techStack().testing()));
            out.endList();
        }
        out.line("### " + Labels.KEY_COMPONENTS).blank();
        if (doc.components() != null) {
            out.block(doc.components().description());
            out.fenced("mermaid", doc.components().diagram());
        }

        out.line("## " + Labels.PERFORMANCE_METRICS).blank();
        out.line("| Metric | Before | After | Improvement |");
        out.line("|--------|--------|-------|-------------|");
        for (MetricRow row : metrics) {
            out.line("| " + MetricCells.name(row.name()) + " | " + MetricCells.value(row.before(), row.unit()) + " | "
                    + MetricCells.value(row.after(), row.unit()) + " | " + MetricCells.improvement(row.improvementPercent()) + " |");
        }
        out.blank();

        out.line("## " + Labels.CHALLENGES).blank();
        for (TechnicalChallenge challenge : orEmpty(doc.challenges())) {
            out.line("### " + challenge.title()).blank();
            out.fenced("mermaid", challenge.diagram() != null ? challenge.diagram() : diagrams.challenge(challenge));
            for (Approach approach : orEmpty(challenge.approaches())) {
                out.labelled(Labels.APPROACH, approach.name());
                for (String pro : orEmpty(approach.pros())) {
                    out.nested(Labels.PRO + ": " + pro);
                }
                for (String con : orEmpty(approach.cons())) {
                    out.nested(Labels.CON + ": " + con);
                }
            }
            out.labelled(Labels.FINAL_SOLUTION, challenge.finalSolution());
            out.endList();
        }

        out.line("## " + Labels.CODE_EXAMPLE).blank();
        if (doc.codeExample() != null) {
            out.block(doc.codeExample().caption());
            out.fenced(doc.codeExample().language() == null ? "" : doc.codeExample().language(), doc.codeExample().code());
        }

        out.line("## " + Labels.DEPLOYMENT_STRATEGY).blank();
        if (doc.deployment() != null) {
            List<String> stages = orEmpty(doc.deployment().stages());
            out.fenced("mermaid", doc.deployment().diagram() != null ? doc.deployment().diagram() : diagrams.pipeline(stages));
            for (int i = 0; i < stages.size(); i++) {
                out.numbered(i + 1, stages.get(i));
            }
            out.endList();
        }

        out.line("## " + Labels.RESULTS).blank();
        if (doc.results() != null) {
            out.labelledList(Labels.TECHNICAL_METRICS, doc.results().technicalMetrics());
            out.labelledList(Labels.BUSINESS_VALUE, doc.results().businessValue());
            out.labelledList(Labels.ROI, doc.results().roi());
            out.endList();
        }

        out.line("## " + Labels.LESSONS).blank();
        if (doc.lessons() != null) {
            out.labelledList(Labels.INSIGHTS, doc.lessons().insights());
            out.labelledList(Labels.PAID_OFF, doc.lessons().paidOff());
            out.labelledList(Labels.FAILED, doc.lessons().failed());
            out.labelledList(Labels.DO_DIFFERENTLY, doc.lessons().doDifferently());
            out.endList();
        }
        return out.toString();
    }

    private static void frontMatter(Writer out, CaseStudyDocument doc) {
        out.line("---");
        out.line("slug: " + (doc.slug() == null ? "" : doc.slug()));
        if (doc.client() != null && doc.client().name() != null) {
            out.line("client: " + doc.client().name());
        }
        if (doc.client() != null && doc.client().industry() != null) {
            out.line("industry: " + doc.client().industry());
        }
        if (doc.tags() != null && !doc.tags().isEmpty()) {
            out.line("tags:");
            doc.tags().forEach(tag -> out.line("  - " + tag));
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

        void block(String markdown) {
            if (markdown != null && !markdown.isBlank()) {
                line(markdown.strip()).blank();
            }
        }

        void labelled(String label, String value) {
            if (value != null && !value.isBlank()) {
                inList = true;
                line("- " + label + ": " + indented(value.strip(), "  "));
            }
        }

        void labelledList(String label, List<String> items) {
            if (items != null && !items.isEmpty()) {
                inList = true;
                line("- " + label + ":");
                items.forEach(this::nested);
            }
        }

        void numbered(int number, String item) {
            inList = true;
            line(number + ". " + item);
        }

        void nested(String item) {
            line("  - " + indented(item.strip(), "    "));
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
            String fence = fenceFor(code);
            line(fence + info).line(code.stripTrailing()).line(fence).blank();
        }

        // A fence longer than any run of backticks in the code, so the code can hold fences of its own.
        private static String fenceFor(String code) {
            int longest = 0;
            int run = 0;
            for (char c : code.toCharArray()) {
                run = c == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            return "`".repeat(Math.max(3, longest + 1));
        }

        private static String indented(String value, String indent) {
            return value.replace("\n", "\n" + indent).replace("\n" + indent + "\n", "\n\n");
        }

        @Override
        public String toString() {
            return text.toString().stripTrailing() + "\n";
        }
    }
}
