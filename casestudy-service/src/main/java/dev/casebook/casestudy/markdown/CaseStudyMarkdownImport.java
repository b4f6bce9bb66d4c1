package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.CaseStudyDocument.Approach;
import dev.casebook.casestudy.contract.CaseStudyDocument.BusinessChallenge;
import dev.casebook.casestudy.contract.CaseStudyDocument.Client;
import dev.casebook.casestudy.contract.CaseStudyDocument.CodeExample;
import dev.casebook.casestudy.contract.CaseStudyDocument.Deployment;
import dev.casebook.casestudy.contract.CaseStudyDocument.Diagrammed;
import dev.casebook.casestudy.contract.CaseStudyDocument.Lessons;
import dev.casebook.casestudy.contract.CaseStudyDocument.Results;
import dev.casebook.casestudy.contract.CaseStudyDocument.SectionText;
import dev.casebook.casestudy.contract.CaseStudyDocument.TechStack;
import dev.casebook.casestudy.contract.CaseStudyDocument.TechnicalChallenge;
import dev.casebook.casestudy.contract.ImportedMetric;
import dev.casebook.casestudy.contract.MetricRow;
import dev.casebook.casestudy.markdown.LabelledList.Kind;
import dev.casebook.casestudy.markdown.LabelledList.Label;
import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.problem.InputValidation;
import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a case study written in the template with commonmark's syntax tree. Lenient where writers vary (heading
 * case, {@code &} or {@code and}, line endings, bullets or numbers, nested lists, labelled or plain items, prose
 * anywhere): what it can read as structure becomes structure, everything else is kept as its section's prose and
 * named in a note. Strict where the template is: its title, its sections in its order, mermaid for diagrams, the
 * limits of each field; a 422 then names the section and the line.
 *
 * <p>Prose is taken from the source text itself, so Markdown comes back exactly as written. Nothing here runs a
 * regular expression on the writer's text, and every step is linear in its length.
 */
@ApplicationScoped
public class CaseStudyMarkdownImport {

    private static final Set<String> OTHER_DIAGRAM_LANGUAGES = Set.of("plantuml", "puml", "dot", "graphviz", "d2", "ditaa",
            "nomnoml", "svgbob", "pikchr", "wavedrom", "structurizr", "c4plantuml", "blockdiag", "seqdiag", "actdiag", "nwdiag",
            "bpmn", "erd", "tikz", "vega", "vega-lite");
    private static final String CHALLENGE_ITEMS = "'- " + Labels.APPROACH + ": …' (with '- " + Labels.PRO + ": …'/'- "
            + Labels.CON + ": …' under it) and '- " + Labels.FINAL_SOLUTION + ": …'";
    private static final Map<String, Kind> CHALLENGE_LABELS = labels(Kind.TEXT, Labels.TECHNICAL_CONTEXT,
            Kind.LIST, Labels.PAIN_POINTS, Kind.LIST, Labels.LIMITATIONS);
    private static final Map<String, Kind> STACK_LABELS = labels(Kind.LIST, Labels.FRONTEND, Kind.LIST, Labels.BACKEND,
            Kind.LIST, Labels.INFRASTRUCTURE, Kind.LIST, Labels.TESTING);
    private static final Map<String, Kind> RESULT_LABELS = labels(Kind.LIST, Labels.TECHNICAL_METRICS,
            Kind.LIST, Labels.BUSINESS_VALUE, Kind.LIST, Labels.ROI);
    private static final Map<String, Kind> LESSON_LABELS = labels(Kind.LIST, Labels.INSIGHTS, Kind.LIST, Labels.PAID_OFF,
            Kind.LIST, Labels.FAILED, Kind.LIST, Labels.DECISIONS, Kind.LIST, Labels.DO_DIFFERENTLY);

    private final Parser parser = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create(), TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(new SourceTextOnly())
            .build();
    private final TemplateDiagrams diagrams;
    private final InputValidation validation;

    public CaseStudyMarkdownImport(TemplateDiagrams diagrams, InputValidation validation) {
        this.diagrams = diagrams;
        this.validation = validation;
    }

    /**
     * What an imported Markdown case study holds: the document, the rows of its metrics table (for metrics-service,
     * and as the writer wrote them until metrics-service has worked them out), and the notes on what was kept as prose.
     */
    public record Imported(CaseStudyDocument document, List<ImportedMetric> metrics, List<MetricRow> metricsAsWritten,
                           List<ImportNote> notes) {
    }

    /** A {@code ##} section of the template as the writer wrote it. */
    private record Section(TemplateSection kind, int line, List<Node> blocks) {
    }

    /** A {@code ###} subsection. */
    private record Subsection(String title, int line, List<Node> blocks) {
    }

    public Imported read(String markdown) {
        List<ImportNote> notes = new ArrayList<>();
        String text = lineFeeds(markdown);
        int overBudget = NestingBudget.overAt(text);
        if (overBudget > 0) {
            throw SectionContext.problem("document", overBudget, "Lists or quotes nest deeper, or more often, than a case study "
                    + "within the template's limits can: at most " + NestingBudget.MAX_LINE_COLUMNS + " columns of indentation and "
                    + "markers on a line, " + NestingBudget.MAX_COLUMNS + " in the whole document");
        }
        Node root = parser.parse(text);
        if (root.getLastChild() instanceof FencedCodeBlock fence && fence.getClosingFenceLength() == null) {
            // A fence left open runs to the end of the document; closed here, it stays one block wherever it is rendered.
            text = text + (text.endsWith("\n") ? "" : "\n") + fence.getFenceCharacter().repeat(fence.getOpeningFenceLength()) + "\n";
            root = parser.parse(text);
            notes.add(new ImportNote("document", MarkdownSource.line(fence), "The fenced block opened here is never closed; "
                    + "it runs to the end of the document and is closed there"));
        }
        MarkdownSource source = new MarkdownSource(text);
        Map<String, List<String>> front = Map.of();
        String title = null;
        List<Node> beforeSections = new ArrayList<>();
        Map<TemplateSection, Section> sections = new EnumMap<>(TemplateSection.class);
        Section current = null;
        for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
            int line = MarkdownSource.line(block);
            if (block instanceof YamlFrontMatterBlock) {
                front = FrontMatter.read(text);
            } else if (block instanceof Heading heading && heading.getLevel() == 1) {
                if (title != null || current != null) {
                    throw SectionContext.problem("title", line, "A case study has one title '# " + Labels.TITLE_PREFIX
                            + "<project name>', at its top; this is another");
                }
                title = title(source.inline(heading), line);
            } else if (block instanceof Heading heading && heading.getLevel() == 2) {
                current = section(source.inline(heading), line, sections, current);
            } else if (title == null) {
                throw SectionContext.problem("title", line, "The document starts with '# " + Labels.TITLE_PREFIX + "<project name>'");
            } else if (current == null) {
                beforeSections.add(block);
            } else {
                current.blocks().add(block);
            }
        }
        if (title == null) {
            throw SectionContext.problem("title", 1, "The document must start with '# " + Labels.TITLE_PREFIX + "<project name>'");
        }
        Section summary = sections.get(TemplateSection.EXECUTIVE_SUMMARY);
        if (summary == null) {
            throw SectionContext.problem(Labels.EXECUTIVE_SUMMARY, 1, "The section '## " + Labels.EXECUTIVE_SUMMARY
                    + "' is missing; every case study has one");
        }
        if (!beforeSections.isEmpty()) {
            notes.add(new ImportNote(Labels.EXECUTIVE_SUMMARY, MarkdownSource.line(beforeSections.get(0)),
                    "The text between the title and the first section is kept at the start of the Executive Summary"));
        }

        SectionReading read = new SectionReading(source, sections, notes, beforeSections);
        Subsections implementation = read.implementation();
        Subsections challenges = read.subsections(TemplateSection.CHALLENGES);
        MetricsTableReader.Read metrics = read.metrics();
        CaseStudyDocument document = new CaseStudyDocument(
                title,
                emptyToNull(single(front, "slug")),
                client(front),
                read.summary(),
                read.businessChallenge(),
                read.diagrammed(read.context(TemplateSection.SOLUTION_ARCHITECTURE), read.blocks(TemplateSection.SOLUTION_ARCHITECTURE)),
                read.techStack(implementation),
                read.components(implementation),
                read.challenges(challenges),
                read.codeExample(),
                read.deployment(),
                read.results(),
                read.lessons(),
                front.containsKey("tags") ? List.copyOf(front.get("tags")) : null,
                implementation.text(),
                metrics.text(),
                challenges.lead() == null ? null : read.diagrammed(read.context(TemplateSection.CHALLENGES), challenges.lead()));
        validate(document, sections);
        List<ImportedMetric> rows = metrics.rows().stream().map(MetricCells.Row::metric).toList();
        List<MetricRow> asWritten = metrics.rows().stream().map(row -> new MetricRow(row.metric().name(), row.metric().unit(),
                row.metric().before(), row.metric().after(), row.metric().better(),
                row.metric().better() == null ? null : row.writtenImprovement(), null)).toList();
        notes.sort(java.util.Comparator.comparingInt(ImportNote::line)); // in the order the writer reads the document
        return new Imported(document, rows, asWritten, List.copyOf(notes));
    }

    private static String title(String heading, int line) {
        int colon = heading.indexOf(':');
        String title = colon < 0 ? "" : heading.substring(colon + 1).strip();
        if (colon < 0 || !Headings.key(heading.substring(0, colon)).equals(Headings.key(Labels.TITLE_PREFIX)) || title.isEmpty()) {
            throw SectionContext.problem("title", line, "The title is '# " + Labels.TITLE_PREFIX + "<project name>', not '# " + shortened(heading) + "'");
        }
        return title;
    }

    private static Section section(String heading, int line, Map<TemplateSection, Section> sections, Section previous) {
        TemplateSection kind = TemplateSection.named(heading).orElseThrow(() -> SectionContext.problem(heading, line,
                "'" + shortened(heading) + "' is not a section of the template; its sections are " + TemplateSection.headings()));
        if (sections.containsKey(kind)) {
            throw SectionContext.problem(kind.heading(), line, "Section '" + kind.heading() + "' appears twice (first at line "
                    + sections.get(kind).line() + ")");
        }
        if (previous != null && previous.kind().compareTo(kind) > 0) {
            throw SectionContext.problem(kind.heading(), line, "Section '" + kind.heading() + "' comes before '"
                    + previous.kind().heading() + "' in the template; the sections are " + TemplateSection.headings());
        }
        Section section = new Section(kind, line, new ArrayList<>());
        sections.put(kind, section);
        return section;
    }

    // Bean Validation's limits, named by section and line like every other problem of an import.
    private void validate(CaseStudyDocument document, Map<TemplateSection, Section> sections) {
        List<FieldError> errors = validation.errorsOf(document, "");
        if (errors.isEmpty()) {
            return;
        }
        String field = errors.get(0).field();
        TemplateSection kind = sectionOf(field);
        String section = kind == null ? (field.startsWith("title") ? "title" : "front matter") : kind.heading();
        int line = kind == null || !sections.containsKey(kind) ? 1 : sections.get(kind).line();
        throw SectionContext.problem(section, line, "Field '" + field + "' " + errors.get(0).message()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more in errors)" : ""))
                .withErrors(errors);
    }

    private static TemplateSection sectionOf(String field) {
        String root = field.split("[.\\[]", 2)[0];
        return switch (root) {
            case "summary" -> TemplateSection.EXECUTIVE_SUMMARY;
            case "challenge" -> TemplateSection.BUSINESS_CHALLENGE;
            case "architecture" -> TemplateSection.SOLUTION_ARCHITECTURE;
            case "implementation", "techStack", "components" -> TemplateSection.TECHNICAL_IMPLEMENTATION;
            case "performance" -> TemplateSection.PERFORMANCE_METRICS;
            case "challengesOverview", "challenges" -> TemplateSection.CHALLENGES;
            case "codeExample" -> TemplateSection.CODE_EXAMPLE;
            case "deployment" -> TemplateSection.DEPLOYMENT_STRATEGY;
            case "results" -> TemplateSection.RESULTS;
            case "lessons" -> TemplateSection.LESSONS;
            default -> null;
        };
    }

    /** Reads each section of one document. */
    private final class SectionReading {

        private final MarkdownSource source;
        private final Map<TemplateSection, Section> sections;
        private final List<ImportNote> notes;
        private final List<Node> beforeSections;

        SectionReading(MarkdownSource source, Map<TemplateSection, Section> sections, List<ImportNote> notes, List<Node> beforeSections) {
            this.source = source;
            this.sections = sections;
            this.notes = notes;
            this.beforeSections = beforeSections;
        }

        List<Node> blocks(TemplateSection kind) {
            Section section = sections.get(kind);
            return section == null ? List.of() : section.blocks();
        }

        SectionContext context(TemplateSection kind) {
            Section section = sections.get(kind);
            return new SectionContext(source, kind.heading(), section == null ? 0 : section.line(), notes);
        }

        String summary() {
            String lead = ProseAround.blankToNull(source.of(beforeSections));
            String own = ProseAround.blankToNull(source.of(blocks(TemplateSection.EXECUTIVE_SUMMARY)));
            String summary = lead == null ? own : own == null ? lead : lead + "\n\n" + own;
            if (summary == null) {
                throw context(TemplateSection.EXECUTIVE_SUMMARY).problem(sections.get(TemplateSection.EXECUTIVE_SUMMARY).line(),
                        "The Executive Summary is empty; it is the one section every case study has");
            }
            return summary;
        }

        BusinessChallenge businessChallenge() {
            List<Node> blocks = blocks(TemplateSection.BUSINESS_CHALLENGE);
            if (blocks.isEmpty()) {
                return null;
            }
            LabelledList.Read read = LabelledList.read(context(TemplateSection.BUSINESS_CHALLENGE), blocks, CHALLENGE_LABELS);
            return new BusinessChallenge(read.text(Labels.TECHNICAL_CONTEXT), read.list(Labels.PAIN_POINTS),
                    read.list(Labels.LIMITATIONS), read.prose().before(), read.prose().after());
        }

        /** A section of prose around one mermaid diagram; another diagram or code stays in the prose. */
        Diagrammed diagrammed(SectionContext context, List<Node> blocks) {
            if (blocks.isEmpty()) {
                return null;
            }
            ProseAround prose = new ProseAround(source);
            String diagram = null;
            for (Node block : blocks) {
                if (diagram == null && isMermaid(block)) {
                    diagram = literal((FencedCodeBlock) block);
                    prose.structure();
                } else {
                    requireMermaid(context, block);
                    if (isMermaid(block)) {
                        context.note(MarkdownSource.line(block), "A section has one diagram; this second one is kept in its prose");
                    }
                    prose.prose(block);
                }
            }
            return new Diagrammed(prose.before(), diagram, prose.after());
        }

        Subsections implementation() {
            Subsections parts = subsections(TemplateSection.TECHNICAL_IMPLEMENTATION);
            SectionContext context = context(TemplateSection.TECHNICAL_IMPLEMENTATION);
            List<String> others = new ArrayList<>();
            for (Subsection subsection : parts.subsections()) {
                String key = Headings.key(subsection.title());
                if (!key.equals(Headings.key(Labels.TECHNOLOGY_STACK)) && !key.equals(Headings.key(Labels.KEY_COMPONENTS))
                        || parts.first(key) != subsection) {
                    others.add(source.of(subsection.blocks()));
                    context.note(subsection.line(), "'### " + shortened(subsection.title()) + "' is not one of '### "
                            + Labels.TECHNOLOGY_STACK + "' and '### " + Labels.KEY_COMPONENTS + "' (or repeats one); kept as prose at the end of the section");
                }
            }
            String lead = ProseAround.blankToNull(source.of(parts.lead() == null ? List.of() : parts.lead()));
            String after = others.isEmpty() ? null : String.join("\n\n", others);
            return new Subsections(parts.lead(), parts.subsections(), lead == null && after == null ? null : new SectionText(lead, after));
        }

        TechStack techStack(Subsections implementation) {
            Subsection stack = implementation.first(Headings.key(Labels.TECHNOLOGY_STACK));
            List<Node> blocks = stack == null ? List.of() : stack.blocks().subList(1, stack.blocks().size());
            if (blocks.isEmpty()) {
                return null;
            }
            SectionContext context = context(TemplateSection.TECHNICAL_IMPLEMENTATION).within(Labels.TECHNOLOGY_STACK, stack.line());
            LabelledList.Read read = LabelledList.read(context, blocks, STACK_LABELS);
            return new TechStack(entries(read.list(Labels.FRONTEND)), entries(read.list(Labels.BACKEND)),
                    entries(read.list(Labels.INFRASTRUCTURE)), entries(read.list(Labels.TESTING)), read.prose().before(), read.prose().after());
        }

        Diagrammed components(Subsections implementation) {
            Subsection components = implementation.first(Headings.key(Labels.KEY_COMPONENTS));
            if (components == null) {
                return null;
            }
            SectionContext context = context(TemplateSection.TECHNICAL_IMPLEMENTATION).within(Labels.KEY_COMPONENTS, components.line());
            return diagrammed(context, components.blocks().subList(1, components.blocks().size()));
        }

        MetricsTableReader.Read metrics() {
            return MetricsTableReader.read(context(TemplateSection.PERFORMANCE_METRICS), blocks(TemplateSection.PERFORMANCE_METRICS));
        }

        List<TechnicalChallenge> challenges(Subsections parts) {
            if (parts.subsections().isEmpty()) {
                return null;
            }
            List<TechnicalChallenge> challenges = new ArrayList<>();
            for (Subsection subsection : parts.subsections()) {
                SectionContext context = context(TemplateSection.CHALLENGES).within(subsection.title(), subsection.line());
                challenges.add(challenge(context, subsection.title(), subsection.blocks().subList(1, subsection.blocks().size())));
            }
            return challenges;
        }

        private TechnicalChallenge challenge(SectionContext context, String title, List<Node> blocks) {
            ProseAround prose = new ProseAround(source);
            String diagram = null;
            List<Approach> approaches = new ArrayList<>();
            List<String> solutions = new ArrayList<>();
            for (Node block : blocks) {
                if (diagram == null && isMermaid(block)) {
                    diagram = literal((FencedCodeBlock) block);
                    prose.structure();
                    continue;
                }
                requireMermaid(context, block);
                if (!(block instanceof ListBlock list)) {
                    prose.prose(block);
                    continue;
                }
                LabelledList.structure(context, prose, list, CHALLENGE_ITEMS, item -> {
                    Label label = Label.of(source, item);
                    Approach approach = label != null && isApproach(label.key()) ? approach(label, item) : null;
                    String solution = label != null && solutions.isEmpty() && isFinalSolution(label.key()) ? label.text(source, item) : null;
                    if (approach != null) {
                        approaches.add(approach);
                    } else if (solution != null) {
                        solutions.add(solution);
                    }
                    return approach != null || solution != null;
                });
            }
            List<Approach> read = approaches.isEmpty() ? null : approaches;
            String finalSolution = solutions.isEmpty() ? null : solutions.get(0);
            String drawn = diagrams.challenge(new TechnicalChallenge(title, read, finalSolution, null, null, null));
            // A diagram the service would draw anyway is not the author's own: leave it out, so it follows later edits.
            String own = diagram != null && !diagram.equals(drawn) ? diagram : null;
            return new TechnicalChallenge(title, read, finalSolution, own, prose.before(), prose.after());
        }

        /** "- Approach: name" with "- Pro: …"/"- Con: …" under it, or null when the item holds anything else. */
        private Approach approach(Label label, ListItem item) {
            String name = label.inlineText(source, item);
            if (name == null || name.indexOf('\n') >= 0) {
                return null;
            }
            List<String> pros = new ArrayList<>();
            List<String> cons = new ArrayList<>();
            for (Node child = item.getFirstChild().getNext(); child != null; child = child.getNext()) {
                if (!(child instanceof ListBlock nested)) {
                    return null;
                }
                for (Node node = nested.getFirstChild(); node != null; node = node.getNext()) {
                    Label kind = Label.of(source, (ListItem) node);
                    List<String> entries = kind == null ? null : kind.entries(source, (ListItem) node);
                    if (entries == null || entries.isEmpty()) {
                        return null;
                    } else if (kind.key().equals("pro") || kind.key().equals("pros")) {
                        pros.addAll(entries);
                    } else if (kind.key().equals("con") || kind.key().equals("cons")) {
                        cons.addAll(entries);
                    } else {
                        return null;
                    }
                }
            }
            return new Approach(name, pros.isEmpty() ? null : pros, cons.isEmpty() ? null : cons);
        }

        CodeExample codeExample() {
            List<Node> blocks = blocks(TemplateSection.CODE_EXAMPLE);
            if (blocks.isEmpty()) {
                return null;
            }
            int code = -1;
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i) instanceof FencedCodeBlock) {
                    code = i;
                }
            }
            if (code < 0) {
                context(TemplateSection.CODE_EXAMPLE).note(sections.get(TemplateSection.CODE_EXAMPLE).line(),
                        "The section has no fenced code block; its text is kept as the caption");
                return new CodeExample(null, null, ProseAround.blankToNull(source.of(blocks)), null);
            }
            FencedCodeBlock fence = (FencedCodeBlock) blocks.get(code);
            String info = fence.getInfo() == null ? "" : fence.getInfo().strip();
            int space = firstBlank(info);
            if (space < info.length()) {
                context(TemplateSection.CODE_EXAMPLE).note(MarkdownSource.line(fence), "Only the language '" + info.substring(0, space)
                        + "' of the fence's info is kept, not '" + shortened(info.substring(space).strip()) + "'");
            }
            return new CodeExample(emptyToNull(info.substring(0, space)), literal(fence),
                    ProseAround.blankToNull(source.of(blocks.subList(0, code))),
                    ProseAround.blankToNull(source.of(blocks.subList(code + 1, blocks.size()))));
        }

        Deployment deployment() {
            List<Node> blocks = blocks(TemplateSection.DEPLOYMENT_STRATEGY);
            if (blocks.isEmpty()) {
                return null;
            }
            SectionContext context = context(TemplateSection.DEPLOYMENT_STRATEGY);
            ProseAround prose = new ProseAround(source);
            String diagram = null;
            List<String> stages = null;
            for (Node block : blocks) {
                if (diagram == null && isMermaid(block)) {
                    diagram = literal((FencedCodeBlock) block);
                    prose.structure();
                } else if (stages == null && block instanceof ListBlock list && stages(list) != null) {
                    stages = stages(list);
                    prose.structure();
                } else {
                    requireMermaid(context, block);
                    if (block instanceof ListBlock) {
                        context.note(MarkdownSource.line(block), "Stages are a list of one-line items; this list is kept as prose");
                    }
                    prose.prose(block);
                }
            }
            boolean own = diagram != null && (stages == null || !diagram.equals(diagrams.pipeline(stages)));
            return new Deployment(stages, own ? diagram : null, prose.before(), prose.after());
        }

        private List<String> stages(ListBlock list) {
            List<String> stages = new ArrayList<>();
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                Node only = item.getFirstChild();
                String text = only instanceof Paragraph && only.getNext() == null ? source.inline(only) : null;
                if (text == null || text.isEmpty() || text.indexOf('\n') >= 0 || text.length() > 200) {
                    return null;
                }
                stages.add(text);
            }
            return stages;
        }

        Results results() {
            List<Node> blocks = blocks(TemplateSection.RESULTS);
            if (blocks.isEmpty()) {
                return null;
            }
            LabelledList.Read read = LabelledList.read(context(TemplateSection.RESULTS), blocks, RESULT_LABELS);
            return new Results(read.list(Labels.TECHNICAL_METRICS), read.list(Labels.BUSINESS_VALUE), read.list(Labels.ROI),
                    read.prose().before(), read.prose().after());
        }

        Lessons lessons() {
            List<Node> blocks = blocks(TemplateSection.LESSONS);
            if (blocks.isEmpty()) {
                return null;
            }
            LabelledList.Read read = LabelledList.read(context(TemplateSection.LESSONS), blocks, LESSON_LABELS);
            return new Lessons(read.list(Labels.INSIGHTS), read.list(Labels.PAID_OFF), read.list(Labels.FAILED),
                    read.list(Labels.DO_DIFFERENTLY), read.list(Labels.DECISIONS), read.prose().before(), read.prose().after());
        }

        /** A section's blocks by its {@code ###} headings; each subsection's blocks start with its heading. */
        Subsections subsections(TemplateSection kind) {
            List<Node> lead = null;
            List<Subsection> subsections = new ArrayList<>();
            List<Node> current = null;
            for (Node block : blocks(kind)) {
                if (block instanceof Heading heading && heading.getLevel() == 3) {
                    current = new ArrayList<>();
                    current.add(block);
                    subsections.add(new Subsection(source.inline(heading), MarkdownSource.line(block), current));
                } else if (current != null) {
                    current.add(block);
                } else {
                    lead = lead == null ? new ArrayList<>() : lead;
                    lead.add(block);
                }
            }
            return new Subsections(lead, subsections, null);
        }

        private void requireMermaid(SectionContext context, Node block) {
            if (block instanceof FencedCodeBlock fence && OTHER_DIAGRAM_LANGUAGES.contains(language(fence))) {
                throw context.problem(MarkdownSource.line(block), "Diagrams are mermaid (```mermaid), not " + language(fence));
            }
        }
    }

    /** A section divided by its {@code ###} headings: what comes before the first, and each subsection. */
    private record Subsections(List<Node> lead, List<Subsection> subsections, SectionText text) {

        Subsection first(String key) {
            return subsections.stream().filter(subsection -> Headings.key(subsection.title()).equals(key)).findFirst().orElse(null);
        }
    }

    private static boolean isMermaid(Node block) {
        return block instanceof FencedCodeBlock fence && language(fence).equals("mermaid");
    }

    private static String language(FencedCodeBlock fence) {
        String info = fence.getInfo() == null ? "" : fence.getInfo().strip();
        return Headings.key(info.substring(0, firstBlank(info)));
    }

    private static boolean isApproach(String key) {
        return startsWord(key, "approach") || startsWord(key, "option");
    }

    private static boolean isFinalSolution(String key) {
        return key.equals("final solution") || key.equals("solution") || key.equals("final");
    }

    // "approach", "approach 2", "approach b": the word, then at most a short number or letter.
    private static boolean startsWord(String key, String word) {
        return key.equals(word) || key.startsWith(word + " ") && key.length() - word.length() <= 4;
    }

    private static List<String> entries(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> entries = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.replace('\n', ' ').split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries.isEmpty() ? null : entries;
    }

    private static String literal(FencedCodeBlock fence) {
        String literal = fence.getLiteral();
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }

    private static int firstBlank(String text) {
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    // Line feeds only; and NUL becomes U+FFFD, as CommonMark asks (PostgreSQL could not store it either).
    private static String lineFeeds(String markdown) {
        String text = markdown.indexOf('\u0000') < 0 ? markdown : markdown.replace('\u0000', '\uFFFD');
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static Map<String, Kind> labels(Object... kindsAndLabels) {
        Map<String, Kind> labels = new LinkedHashMap<>();
        for (int i = 0; i < kindsAndLabels.length; i += 2) {
            labels.put((String) kindsAndLabels[i + 1], (Kind) kindsAndLabels[i]);
        }
        return labels;
    }

    private static Client client(Map<String, List<String>> front) {
        String name = emptyToNull(single(front, "client"));
        String industry = emptyToNull(single(front, "industry"));
        return name == null && industry == null ? null : new Client(name, industry);
    }

    private static String single(Map<String, List<String>> front, String key) {
        List<String> values = front.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String shortened(String text) {
        if (text.length() <= 80) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(76)) ? 76 : 77; // never half an emoji
        return text.substring(0, cut) + "…";
    }

}
