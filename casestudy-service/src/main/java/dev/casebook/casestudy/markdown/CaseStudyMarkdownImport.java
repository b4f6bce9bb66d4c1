package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.domain.CaseStudyDocument;
import dev.casebook.casestudy.domain.CaseStudyDocument.Approach;
import dev.casebook.casestudy.domain.CaseStudyDocument.BusinessChallenge;
import dev.casebook.casestudy.domain.CaseStudyDocument.Client;
import dev.casebook.casestudy.domain.CaseStudyDocument.CodeExample;
import dev.casebook.casestudy.domain.CaseStudyDocument.Deployment;
import dev.casebook.casestudy.domain.CaseStudyDocument.Diagrammed;
import dev.casebook.casestudy.domain.CaseStudyDocument.Lessons;
import dev.casebook.casestudy.domain.CaseStudyDocument.Results;
import dev.casebook.casestudy.domain.CaseStudyDocument.TechStack;
import dev.casebook.casestudy.domain.CaseStudyDocument.TechnicalChallenge;
import dev.casebook.casestudy.domain.ImportedMetric;
import dev.casebook.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a case study written in the template's shape, the shape {@link CaseStudyMarkdown} renders, with
 * commonmark's syntax tree. Prose is taken from the source text itself, so Markdown inside a section
 * comes back exactly as written. A section that does not have the template's shape is named in a 422.
 */
@ApplicationScoped
public class CaseStudyMarkdownImport {

    private static final List<String> SECTIONS = List.of(Labels.EXECUTIVE_SUMMARY, Labels.BUSINESS_CHALLENGE,
            Labels.SOLUTION_ARCHITECTURE, Labels.TECHNICAL_IMPLEMENTATION, Labels.PERFORMANCE_METRICS, Labels.CHALLENGES,
            Labels.CODE_EXAMPLE, Labels.DEPLOYMENT_STRATEGY, Labels.RESULTS, Labels.LESSONS);

    private final Parser parser = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create(), TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final TemplateDiagrams diagrams;

    public CaseStudyMarkdownImport(TemplateDiagrams diagrams) {
        this.diagrams = diagrams;
    }

    /** What an imported Markdown case study holds: the document, and the rows of its metrics table. */
    public record Imported(CaseStudyDocument document, List<ImportedMetric> metrics) {
    }

    public Imported read(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        Node root = parser.parse(text);
        Source source = new Source(text);

        Map<String, List<String>> front = Map.of();
        String title = null;
        Map<String, List<Node>> sections = new LinkedHashMap<>();
        List<Node> current = null;
        for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof YamlFrontMatterBlock) {
                YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
                block.accept(visitor);
                front = visitor.getData();
            } else if (block instanceof Heading heading && heading.getLevel() == 1) {
                String line = source.of(heading).replaceFirst("^#\\s*", "").strip();
                if (title != null || !line.startsWith(Labels.TITLE_PREFIX)) {
                    throw problem("title", "The document must start with one heading '# " + Labels.TITLE_PREFIX + "<project name>'");
                }
                title = line.substring(Labels.TITLE_PREFIX.length()).strip();
            } else if (block instanceof Heading heading && heading.getLevel() == 2) {
                String name = source.headingText(heading);
                if (!SECTIONS.contains(name)) {
                    throw problem(name, "'" + name + "' is not a section of the template; its sections are " + String.join(", ", SECTIONS));
                }
                if (sections.containsKey(name)) {
                    throw problem(name, "Section '" + name + "' appears twice");
                }
                current = new ArrayList<>();
                sections.put(name, current);
            } else if (current == null) {
                throw problem("title", "Only the front matter and '# " + Labels.TITLE_PREFIX + "<project name>' may come before '## "
                        + Labels.EXECUTIVE_SUMMARY + "'");
            } else {
                current.add(block);
            }
        }
        if (title == null) {
            throw problem("title", "The document must start with '# " + Labels.TITLE_PREFIX + "<project name>'");
        }
        if (!sections.containsKey(Labels.EXECUTIVE_SUMMARY)) {
            throw problem(Labels.EXECUTIVE_SUMMARY, "The section '## " + Labels.EXECUTIVE_SUMMARY + "' is missing");
        }
        SectionReader read = new SectionReader(source, sections);
        Map<String, List<Node>> implementation = read.subsections(Labels.TECHNICAL_IMPLEMENTATION);
        for (String name : implementation.keySet()) {
            if (!name.isEmpty() && !name.equals(Labels.TECHNOLOGY_STACK) && !name.equals(Labels.KEY_COMPONENTS)) {
                throw problem(Labels.TECHNICAL_IMPLEMENTATION, "'" + name + "' is not part of the section; it has '### "
                        + Labels.TECHNOLOGY_STACK + "' and '### " + Labels.KEY_COMPONENTS + "'");
            }
        }
        // Sections are read in the template's order, so a problem names the first section that has one.
        CaseStudyDocument document = new CaseStudyDocument(
                title,
                emptyToNull(single(front, "slug")),
                client(front),
                read.prose(Labels.EXECUTIVE_SUMMARY, sections.get(Labels.EXECUTIVE_SUMMARY)),
                businessChallenge(read),
                read.diagrammed(Labels.SOLUTION_ARCHITECTURE, sections.get(Labels.SOLUTION_ARCHITECTURE)),
                techStack(read, implementation.get(Labels.TECHNOLOGY_STACK)),
                read.diagrammed(Labels.KEY_COMPONENTS, implementation.get(Labels.KEY_COMPONENTS)),
                challenges(read),
                codeExample(read),
                deployment(read),
                results(read),
                lessons(read),
                front.containsKey("tags") ? List.copyOf(front.get("tags")) : null);
        return new Imported(document, read.metrics(Labels.PERFORMANCE_METRICS));
    }

    private static Client client(Map<String, List<String>> front) {
        String name = emptyToNull(single(front, "client"));
        String industry = emptyToNull(single(front, "industry"));
        return name == null && industry == null ? null : new Client(name, industry);
    }

    private static BusinessChallenge businessChallenge(SectionReader read) {
        Map<String, ListItem> items = read.labelledItems(Labels.BUSINESS_CHALLENGE,
                List.of(Labels.TECHNICAL_CONTEXT, Labels.PAIN_POINTS, Labels.LIMITATIONS));
        if (items == null) {
            return null;
        }
        return new BusinessChallenge(read.labelledText(items.get(Labels.TECHNICAL_CONTEXT)),
                read.nestedItems(items.get(Labels.PAIN_POINTS)), read.nestedItems(items.get(Labels.LIMITATIONS)));
    }

    private static TechStack techStack(SectionReader read, List<Node> blocks) {
        Map<String, ListItem> items = read.labelledItems(Labels.TECHNOLOGY_STACK, blocks,
                List.of(Labels.FRONTEND, Labels.BACKEND, Labels.INFRASTRUCTURE, Labels.TESTING));
        if (items == null) {
            return null;
        }
        return new TechStack(split(read.labelledText(items.get(Labels.FRONTEND))), split(read.labelledText(items.get(Labels.BACKEND))),
                split(read.labelledText(items.get(Labels.INFRASTRUCTURE))), split(read.labelledText(items.get(Labels.TESTING))));
    }

    private List<TechnicalChallenge> challenges(SectionReader read) {
        Map<String, List<Node>> byTitle = read.subsections(Labels.CHALLENGES);
        if (byTitle.isEmpty()) {
            return null;
        }
        if (byTitle.containsKey("")) {
            throw problem(Labels.CHALLENGES, "Each challenge starts with its own '### <challenge>' heading");
        }
        List<TechnicalChallenge> challenges = new ArrayList<>();
        for (Map.Entry<String, List<Node>> entry : byTitle.entrySet()) {
            String section = Labels.CHALLENGES + " / " + entry.getKey();
            String diagram = read.onlyFence(section, entry.getValue(), "mermaid");
            List<Approach> approaches = new ArrayList<>();
            String finalSolution = null;
            for (ListItem item : read.items(section, entry.getValue())) {
                String label = read.label(item);
                if (Labels.APPROACH.equals(label)) {
                    approaches.add(approach(read, section, item));
                } else if (Labels.FINAL_SOLUTION.equals(label)) {
                    finalSolution = read.labelledText(item);
                } else {
                    throw problem(section, "Expected '- " + Labels.APPROACH + ": ...' and '- " + Labels.FINAL_SOLUTION + ": ...' items");
                }
            }
            TechnicalChallenge drawn = new TechnicalChallenge(entry.getKey(), approaches.isEmpty() ? null : approaches, finalSolution, null);
            // A diagram the service would draw anyway is not the author's own: leave it out, so it follows later edits.
            boolean ownDiagram = diagram != null && !diagram.equals(diagrams.challenge(drawn));
            challenges.add(ownDiagram ? new TechnicalChallenge(drawn.title(), drawn.approaches(), finalSolution, diagram) : drawn);
        }
        return challenges;
    }

    private static Approach approach(SectionReader read, String section, ListItem item) {
        List<String> pros = new ArrayList<>();
        List<String> cons = new ArrayList<>();
        for (String nested : Objects.requireNonNullElse(read.nestedItems(item), List.<String>of())) {
            if (nested.startsWith(Labels.PRO + ": ")) {
                pros.add(nested.substring(Labels.PRO.length() + 2));
            } else if (nested.startsWith(Labels.CON + ": ")) {
                cons.add(nested.substring(Labels.CON.length() + 2));
            } else {
                throw problem(section, "Under an approach, list '- " + Labels.PRO + ": ...' and '- " + Labels.CON + ": ...' items");
            }
        }
        return new Approach(read.labelledText(item), pros.isEmpty() ? null : pros, cons.isEmpty() ? null : cons);
    }

    private static CodeExample codeExample(SectionReader read) {
        List<Node> blocks = read.section(Labels.CODE_EXAMPLE);
        if (blocks.isEmpty()) {
            return null;
        }
        FencedCodeBlock code = read.lastFence(Labels.CODE_EXAMPLE, blocks);
        String caption = read.proseBefore(blocks, code);
        return new CodeExample(emptyToNull(code.getInfo().strip()), stripNewline(code.getLiteral()), caption);
    }

    private Deployment deployment(SectionReader read) {
        List<Node> blocks = read.section(Labels.DEPLOYMENT_STRATEGY);
        if (blocks.isEmpty()) {
            return null;
        }
        String diagram = read.onlyFence(Labels.DEPLOYMENT_STRATEGY, blocks, "mermaid");
        List<String> stages = new ArrayList<>();
        for (Node block : blocks) {
            if (block instanceof OrderedList list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    stages.add(read.itemText((ListItem) item));
                }
            } else if (!(block instanceof FencedCodeBlock)) {
                throw problem(Labels.DEPLOYMENT_STRATEGY, "Expected a mermaid diagram and a numbered list of stages");
            }
        }
        boolean ownDiagram = diagram != null && !diagram.equals(diagrams.pipeline(stages));
        return new Deployment(stages.isEmpty() ? null : stages, ownDiagram ? diagram : null);
    }

    private static Results results(SectionReader read) {
        Map<String, ListItem> items = read.labelledItems(Labels.RESULTS,
                List.of(Labels.TECHNICAL_METRICS, Labels.BUSINESS_VALUE, Labels.ROI));
        return items == null ? null : new Results(read.nestedItems(items.get(Labels.TECHNICAL_METRICS)),
                read.nestedItems(items.get(Labels.BUSINESS_VALUE)), read.nestedItems(items.get(Labels.ROI)));
    }

    private static Lessons lessons(SectionReader read) {
        Map<String, ListItem> items = read.labelledItems(Labels.LESSONS,
                List.of(Labels.INSIGHTS, Labels.PAID_OFF, Labels.FAILED, Labels.DO_DIFFERENTLY));
        return items == null ? null : new Lessons(read.nestedItems(items.get(Labels.INSIGHTS)), read.nestedItems(items.get(Labels.PAID_OFF)),
                read.nestedItems(items.get(Labels.FAILED)), read.nestedItems(items.get(Labels.DO_DIFFERENTLY)));
    }

    private static List<String> split(String joined) {
        return joined == null ? null : List.of(joined.split(",\\s*"));
    }

    private static String single(Map<String, List<String>> front, String key) {
        List<String> values = front.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String stripNewline(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }

    static ProblemException problem(String section, String detail) {
        return new ProblemException(422, detail).with("section", section);
    }

    /** The original text of a node, from its source spans. */
    static final class Source {

        private final String text;

        Source(String text) {
            this.text = text;
        }

        String of(Node node) {
            List<String> lines = new ArrayList<>();
            for (SourceSpan span : node.getSourceSpans()) {
                lines.add(text.substring(span.getInputIndex(), span.getInputIndex() + span.getLength()));
            }
            return String.join("\n", lines);
        }

        /** The source from the first to the last of {@code blocks}, blank lines between them included. */
        String of(List<Node> blocks) {
            if (blocks.isEmpty()) {
                return "";
            }
            List<SourceSpan> first = blocks.get(0).getSourceSpans();
            List<SourceSpan> last = blocks.get(blocks.size() - 1).getSourceSpans();
            SourceSpan end = last.get(last.size() - 1);
            return text.substring(first.get(0).getInputIndex(), end.getInputIndex() + end.getLength());
        }

        String headingText(Heading heading) {
            return of(heading).replaceFirst("^#+\\s*", "").replaceFirst("\\s+#*\\s*$", "").strip();
        }
    }

    /** Reads the sections of one document. */
    static final class SectionReader {

        private final Source source;
        private final Map<String, List<Node>> sections;

        SectionReader(Source source, Map<String, List<Node>> sections) {
            this.source = source;
            this.sections = sections;
        }

        List<Node> section(String name) {
            return sections.getOrDefault(name, List.of());
        }

        String prose(String section, List<Node> blocks) {
            if (blocks == null || blocks.isEmpty()) {
                return null;
            }
            return source.of(blocks).strip();
        }

        /** Blocks of a section grouped by their {@code ###} headings; blocks before the first heading under "". */
        Map<String, List<Node>> subsections(String name) {
            Map<String, List<Node>> subsections = new LinkedHashMap<>();
            List<Node> current = null;
            for (Node block : section(name)) {
                if (block instanceof Heading heading && heading.getLevel() == 3) {
                    String title = source.headingText(heading);
                    if (subsections.containsKey(title)) {
                        throw problem(name, "'### " + title + "' appears twice");
                    }
                    current = new ArrayList<>();
                    subsections.put(title, current);
                } else if (block instanceof Heading) {
                    throw problem(name, "Only '###' headings may divide the section '" + name + "'");
                } else {
                    if (current == null) {
                        current = new ArrayList<>();
                        subsections.put("", current);
                    }
                    current.add(block);
                }
            }
            return subsections;
        }

        Diagrammed diagrammed(String section, List<Node> blocks) {
            if (blocks == null || blocks.isEmpty()) {
                return null;
            }
            String diagram = onlyFence(section, blocks, "mermaid");
            FencedCodeBlock fence = blocks.stream().filter(FencedCodeBlock.class::isInstance).map(FencedCodeBlock.class::cast)
                    .findFirst().orElse(null);
            return new Diagrammed(fence == null ? prose(section, blocks) : proseBefore(blocks, fence), diagram);
        }

        /** The literal of the one fenced block of {@code kind}, or null when there is none. */
        String onlyFence(String section, List<Node> blocks, String kind) {
            List<FencedCodeBlock> fences = blocks.stream().filter(FencedCodeBlock.class::isInstance)
                    .map(FencedCodeBlock.class::cast).toList();
            if (fences.size() > 1) {
                throw problem(section, "Section '" + section + "' may hold one diagram, not " + fences.size());
            }
            if (fences.isEmpty()) {
                return null;
            }
            if (!kind.equals(fences.get(0).getInfo().strip())) {
                throw problem(section, "The diagram of '" + section + "' must be a ```" + kind + " block");
            }
            if (fences.get(0) != blocks.get(blocks.size() - 1) && !blocks.stream().anyMatch(b -> b instanceof BulletList || b instanceof OrderedList)) {
                throw problem(section, "In '" + section + "' the diagram comes after the text");
            }
            return stripNewline(fences.get(0).getLiteral());
        }

        FencedCodeBlock lastFence(String section, List<Node> blocks) {
            if (!(blocks.get(blocks.size() - 1) instanceof FencedCodeBlock fence)) {
                throw problem(section, "Section '" + section + "' ends with a fenced code block");
            }
            return fence;
        }

        String proseBefore(List<Node> blocks, Node end) {
            List<Node> before = blocks.subList(0, blocks.indexOf(end));
            return before.isEmpty() ? null : source.of(before).strip();
        }

        List<ImportedMetric> metrics(String section) {
            List<Node> blocks = section(section);
            if (blocks.isEmpty()) {
                return List.of();
            }
            if (blocks.size() != 1 || !(blocks.get(0) instanceof TableBlock)) {
                throw problem(section, "Section '" + section + "' holds one table | Metric | Before | After | Improvement |");
            }
            String header = source.of(blocks.get(0).getFirstChild()).replaceAll("\\s+", "");
            if (!header.startsWith("|Metric|Before|After|Improvement|")) {
                throw problem(section, "The metrics table has the columns | Metric | Before | After | Improvement |");
            }
            List<ImportedMetric> rows = new ArrayList<>();
            for (Node part = blocks.get(0).getFirstChild(); part != null; part = part.getNext()) {
                if (!(part instanceof TableBody)) {
                    continue;
                }
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells.add(source.of(cell).strip().replaceAll("^\\|\\s*|\\s*\\|$", ""));
                    }
                    if (cells.size() < 4 || cells.get(0).isBlank()) {
                        throw problem(section, "Each metrics row has a name, Before, After and Improvement");
                    }
                    rows.add(MetricCells.read(cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
                }
            }
            return rows;
        }

        List<ListItem> items(String section, List<Node> blocks) {
            List<ListItem> items = new ArrayList<>();
            for (Node block : blocks) {
                if (block instanceof BulletList list) {
                    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                        items.add((ListItem) item);
                    }
                } else if (!(block instanceof FencedCodeBlock)) {
                    throw problem(section, "Section '" + section + "' holds a list of '- Label: ...' items");
                }
            }
            return items;
        }

        Map<String, ListItem> labelledItems(String section, List<String> labels) {
            return labelledItems(section, sections.get(section), labels);
        }

        /** The items of a section's list by label, or null when the section is empty. */
        Map<String, ListItem> labelledItems(String section, List<Node> blocks, List<String> labels) {
            if (blocks == null || blocks.isEmpty()) {
                return null;
            }
            Map<String, ListItem> byLabel = new LinkedHashMap<>();
            for (ListItem item : items(section, blocks)) {
                String label = label(item);
                if (label == null || !labels.contains(label)) {
                    throw problem(section, "Section '" + section + "' lists " + String.join(", ", labels.stream().map(l -> "'" + l + ":'").toList())
                            + "; '" + (label == null ? itemText(item) : label) + "' is not one of them");
                }
                byLabel.put(label, item);
            }
            return byLabel;
        }

        String label(ListItem item) {
            String text = itemText(item);
            int colon = text.indexOf(':');
            return colon < 0 ? null : text.substring(0, colon);
        }

        /** The text after "Label:" of a labelled item, without its nested list. */
        String labelledText(ListItem item) {
            if (item == null) {
                return null;
            }
            String text = itemText(item);
            String value = text.substring(text.indexOf(':') + 1).strip();
            return value.isEmpty() ? null : value;
        }

        List<String> nestedItems(ListItem item) {
            if (item == null) {
                return null;
            }
            List<String> nested = new ArrayList<>();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof BulletList list) {
                    for (Node entry = list.getFirstChild(); entry != null; entry = entry.getNext()) {
                        nested.add(itemText((ListItem) entry));
                    }
                }
            }
            return nested.isEmpty() ? null : nested;
        }

        /** An item's own text: every block in it but nested lists, as written. */
        String itemText(ListItem item) {
            List<String> parts = new ArrayList<>();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (!(child instanceof BulletList)) {
                    parts.add(source.of(child));
                }
            }
            return String.join("\n\n", parts).strip();
        }
    }
}
