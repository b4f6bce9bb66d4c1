package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument.SectionText;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the Performance Metrics section: the first table with the template's columns is the metrics table, and
 * each of its rows metrics-service can hold becomes a metric. Other rows, other tables and paragraphs are kept as
 * the section's prose.
 */
final class MetricsTableReader {

    static final String HEADER = "| Metric | Before | After | Improvement |";
    static final String DIVIDER = "|--------|--------|-------|-------------|";
    private static final List<String> COLUMNS = List.of("metric", "before", "after", "improvement");
    /** metrics-service's limit on a table's rows. */
    static final int MAX_ROWS = 50;

    /** The rows read and the section's prose. */
    record Read(List<MetricCells.Row> rows, SectionText text) {
    }

    private MetricsTableReader() {
    }

    static Read read(SectionContext context, List<Node> blocks) {
        ProseAround prose = new ProseAround(context.source());
        List<MetricCells.Row> rows = new ArrayList<>();
        for (Node block : blocks) {
            if (prose.hasStructure() || !(block instanceof TableBlock table) || !hasTemplateColumns(context, table)) {
                prose.prose(block);
                continue;
            }
            prose.structure();
            List<String> leftOver = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
                if (!(part instanceof TableBody)) {
                    continue;
                }
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    List<String> cells = cells(context, row);
                    StringBuilder why = new StringBuilder();
                    // commonmark drops cells beyond the header's four; a row that has more is not a metric
                    boolean fourCells = cells.size() == 4 && cellsWritten(context.source().of(row)) <= 4;
                    MetricCells.Row read = fourCells ? MetricCells.read(cells.get(0), cells.get(1), cells.get(2), cells.get(3), why) : null;
                    if (read == null && why.isEmpty()) {
                        why.append("it does not have the four cells Metric, Before, After and Improvement");
                    } else if (read != null && !names.add(read.metric().name().toLowerCase(Locale.ROOT))) {
                        why.append("it repeats the metric '").append(read.metric().name()).append("'");
                        read = null;
                    } else if (read != null && rows.size() == MAX_ROWS) {
                        why.append("a metrics table holds at most ").append(MAX_ROWS).append(" rows");
                        read = null;
                    }
                    if (read == null) {
                        leftOver.add(context.source().of(row));
                        context.note(MarkdownSource.line(row), "Row '" + (cells.isEmpty() ? "" : cells.get(0)) + "' is kept as prose below the table: " + why);
                    } else {
                        rows.add(read);
                    }
                }
            }
            if (!leftOver.isEmpty()) {
                prose.leftOver(HEADER + "\n" + DIVIDER + "\n" + String.join("\n", leftOver));
            }
        }
        if (!prose.hasStructure() && !blocks.isEmpty()) {
            context.note(context.line(), "The section has no table " + HEADER + "; it is kept as prose");
        }
        String before = prose.before();
        String after = prose.after();
        return new Read(rows, before == null && after == null ? null : new SectionText(before, after));
    }

    private static boolean hasTemplateColumns(SectionContext context, TableBlock table) {
        Node head = table.getFirstChild();
        if (!(head instanceof TableHead) || head.getFirstChild() == null) {
            return false;
        }
        List<String> names = cells(context, head.getFirstChild()).stream().map(Headings::key).toList();
        return names.equals(COLUMNS);
    }

    /** How many cells a row's line has, counting the unescaped pipes between them. */
    static int cellsWritten(String line) {
        String row = line.strip();
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                pipes++;
            }
        }
        boolean leading = row.startsWith("|");
        boolean trailing = row.length() > 1 && row.endsWith("|") && !row.endsWith("\\|");
        return pipes + 1 - (leading ? 1 : 0) - (trailing ? 1 : 0);
    }

    private static List<String> cells(SectionContext context, Node row) {
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            cells.add(context.source().inline(cell));
        }
        return cells;
    }
}
