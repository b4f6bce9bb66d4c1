package dev.casebook.casestudy.markdown;

import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

import java.util.List;

/**
 * The text a writer wrote for a node of commonmark's syntax tree, taken from its source spans, so that Markdown
 * comes back exactly as written. Every method walks the text once: no regular expression runs on it.
 */
final class MarkdownSource {

    private final String text;

    MarkdownSource(String text) {
        this.text = text;
    }

    /** The node's lines as written, joined by line breaks (a container's lines keep their markers). */
    String of(Node node) {
        StringBuilder out = new StringBuilder();
        for (SourceSpan span : node.getSourceSpans()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(text, span.getInputIndex(), span.getInputIndex() + span.getLength());
        }
        return out.toString();
    }

    /** The source from the first to the last of {@code blocks}, blank lines between them included. */
    String of(List<Node> blocks) {
        if (blocks.isEmpty()) {
            return "";
        }
        int start = start(blocks.get(0));
        int end = end(blocks.get(blocks.size() - 1));
        return start < 0 || end < start ? "" : text.substring(start, end);
    }

    /**
     * The inline text of a heading, a paragraph or a table cell as written, between its block's markers: the lines
     * {@link SourceTextOnly} kept, with a table cell's escaped pipes read as pipes.
     */
    String inline(Node block) {
        StringBuilder out = new StringBuilder();
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text line) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(line.getLiteral());
            }
        }
        return out.toString().strip();
    }

    /**
     * What a list item holds, without its marker and with its content's indentation taken off every line, so that
     * nested lists and paragraphs inside the item read as Markdown of their own.
     */
    String content(Node item) {
        Node first = item.getFirstChild();
        List<SourceSpan> spans = item.getSourceSpans();
        if (first == null || spans.isEmpty() || first.getSourceSpans().isEmpty()) {
            return "";
        }
        SourceSpan firstContent = first.getSourceSpans().get(0);
        int indent = firstContent.getColumnIndex() - spans.get(0).getColumnIndex();
        StringBuilder out = new StringBuilder();
        int previousLine = -1;
        for (SourceSpan span : spans) {
            if (span.getLineIndex() < firstContent.getLineIndex()) {
                continue; // a marker alone on its line
            }
            if (previousLine >= 0) {
                out.append("\n".repeat(span.getLineIndex() - previousLine));
            }
            int from = span.getInputIndex();
            int to = from + span.getLength();
            if (span.getLineIndex() == firstContent.getLineIndex()) {
                from = firstContent.getInputIndex();
            } else {
                for (int dropped = 0; dropped < indent && from < to && text.charAt(from) == ' '; dropped++) {
                    from++;
                }
            }
            out.append(text, from, to);
            previousLine = span.getLineIndex();
        }
        return strip(out);
    }

    /** The line of the document a node starts on, counted from 1 as editors do. */
    static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    private static int start(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? -1 : spans.get(0).getInputIndex();
    }

    private static int end(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        SourceSpan last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
        return last == null ? -1 : last.getInputIndex() + last.getLength();
    }

    private static String strip(CharSequence text) {
        return text.toString().strip();
    }
}
