package dev.casebook.casestudy.markdown;

import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * The prose of one section, kept beside its structure: what the writer wrote before the first structured block
 * stays as written, in one piece; whatever comes after it (paragraphs, other blocks, list items that are not
 * structure) is kept in order below the structure.
 */
final class ProseAround {

    private final MarkdownSource source;
    private final List<Node> before = new ArrayList<>();
    private final List<String> after = new ArrayList<>();
    private boolean structureSeen;

    ProseAround(MarkdownSource source) {
        this.source = source;
    }

    /** A block that is not structure: prose where it stands. */
    void prose(Node block) {
        if (structureSeen) {
            after.add(source.of(List.of(block)));
        } else {
            before.add(block);
        }
    }

    /** Markdown that was part of a structured block but is not structure itself, such as a list's odd items. */
    void leftOver(String markdown) {
        if (!markdown.isBlank()) {
            after.add(markdown);
        }
    }

    /** From here on, prose belongs below the structure. */
    void structure() {
        structureSeen = true;
    }

    boolean hasStructure() {
        return structureSeen;
    }

    String before() {
        return blankToNull(source.of(before));
    }

    String after() {
        return blankToNull(String.join("\n\n", after));
    }

    // Leading blanks are Markdown (an indented code block), trailing ones are not.
    static String blankToNull(String markdown) {
        return markdown == null || markdown.isBlank() ? null : markdown.stripTrailing();
    }
}
