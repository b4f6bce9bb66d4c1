package dev.casebook.casestudy.markdown;

import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * The Markdown a case study is rendered as, made safe for a frontend that renders it with HTML enabled: every
 * {@code <} outside code becomes {@code &lt;}, so that no raw HTML (a {@code <script>}, an {@code <img onerror>}) and
 * no autolink is left, and every link or image whose destination is not http(s), mailto or relative
 * ({@link LinkDestinations}) loses its link syntax and keeps its text; a reference definition to such a destination
 * goes. Code spans and code blocks stay as written: renderers show them as text. What a reader sees is unchanged:
 * {@code &lt;} shows as {@code <}.
 *
 * <p>The text is read with commonmark's own parser, as a renderer reads it, but with each {@code <} standing in as a
 * character of no meaning: a renderer reading the result sees the same code spans and the same links, and the parser
 * is spared its slow path on runs of {@code <}. A link revealed by dropping another is looked for once more; should
 * one be found, every {@code [} outside code is escaped, so that nothing is a link any more. A document nested deeper
 * than the parser can follow gets every {@code <} and every {@code [} escaped, wherever it stands.
 */
final class SafeMarkdown {

    private static final Logger LOG = Logger.getLogger(SafeMarkdown.class);
    /** Stands in for '<' while parsing: a private-use character, which means nothing to Markdown. */
    private static final char STAND_IN = '\uE000';
    private static final List<Extension> EXTENSIONS = List.of(YamlFrontMatterExtension.create(), TablesExtension.create());
    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private SafeMarkdown() {
    }

    static String of(String markdown) {
        try {
            Pass first = pass(markdown, false);
            if (first.droppedLinks() == 0) {
                return first.text();
            }
            Pass second = pass(first.text(), false);
            return second.droppedLinks() == 0 ? second.text() : pass(second.text(), true).text();
        } catch (StackOverflowError deep) {
            LOG.infof("A case study nests deeper than the Markdown parser follows; its '<' and '[' are all escaped");
            return everythingEscaped(markdown);
        } catch (RuntimeException unexpected) {
            // Safe rather than a failed read: a reader still gets the case study, with nothing left to run.
            LOG.warnf("Reading a case study's Markdown failed (%s); its '<' and '[' are all escaped", unexpected);
            return everythingEscaped(markdown);
        }
    }

    /** The text after one reading, and how many links, images and definitions it dropped. */
    private record Pass(String text, int droppedLinks) {
    }

    /**
     * @param noLinks whether every {@code [} outside code is escaped as well, so that the text holds no link at all
     */
    private static Pass pass(String text, boolean noLinks) {
        Node root = PARSER.parse(text.replace('<', STAND_IN));
        BitSet code = new BitSet(text.length());
        BitSet dropped = new BitSet(text.length());
        int droppedLinks = 0;
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Boolean> inTable = new ArrayDeque<>();
        nodes.push(root);
        inTable.push(false);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            boolean table = inTable.pop() || node instanceof TableBlock;
            // In a table, a '<' in code is escaped too: a renderer without tables pairs its backticks differently.
            if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof YamlFrontMatterBlock
                    || node instanceof Code && !table) {
                mark(code, node.getSourceSpans());
                continue;
            }
            if (isUnsafe(node)) {
                droppedLinks++;
                drop(node, dropped);
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                nodes.push(child);
                inTable.push(table);
            }
        }
        return new Pass(escaped(text, code, dropped, noLinks), droppedLinks);
    }

    private static boolean isUnsafe(Node node) {
        String destination = node instanceof Link link ? link.getDestination()
                : node instanceof Image image ? image.getDestination()
                : node instanceof LinkReferenceDefinition definition ? definition.getDestination() : null;
        return destination != null && !LinkDestinations.safe(destination.replace(STAND_IN, '<'));
    }

    // A link or image keeps its text: its '[' or '![' goes, and everything after its text. A definition goes whole.
    private static void drop(Node node, BitSet dropped) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return;
        }
        if (node instanceof LinkReferenceDefinition) {
            mark(dropped, spans);
            return;
        }
        int start = spans.get(0).getInputIndex();
        int end = end(spans);
        int textEnd = -1;
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (!child.getSourceSpans().isEmpty()) {
                textEnd = end(child.getSourceSpans());
            }
        }
        if (textEnd < 0) {
            dropped.set(start, end);
            return;
        }
        dropped.set(start, start + (node instanceof Image ? 2 : 1));
        dropped.set(textEnd, end);
    }

    private static String escaped(String text, BitSet code, BitSet dropped, boolean noLinks) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            if (dropped.get(i)) {
                continue;
            }
            char c = text.charAt(i);
            boolean plain = !code.get(i) && !isEscaped(text, i);
            if (c == '<' && plain) {
                out.append("&lt;");
            } else if (c == '[' && plain && noLinks) {
                out.append("\\[");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Every {@code <} as {@code &lt;} and every {@code [} as {@code \[}, code or not: nothing can be raw HTML or a
     * link, whatever the structure. A code span or block shows them as written here.
     */
    static String everythingEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' && !isEscaped(text, i)) {
                out.append("&lt;");
            } else if (c == '[' && !isEscaped(text, i)) {
                out.append("\\[");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // A backslash escapes the character after it, unless it is escaped itself.
    private static boolean isEscaped(String text, int i) {
        int backslashes = 0;
        while (i - backslashes > 0 && text.charAt(i - backslashes - 1) == '\\') {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static void mark(BitSet set, List<SourceSpan> spans) {
        for (SourceSpan span : spans) {
            set.set(span.getInputIndex(), span.getInputIndex() + span.getLength());
        }
    }

    private static int end(List<SourceSpan> spans) {
        SourceSpan last = spans.get(spans.size() - 1);
        return last.getInputIndex() + last.getLength();
    }
}
