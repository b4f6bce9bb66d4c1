package dev.casebook.casestudy.markdown;

import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the template's "- Label: text" lists: the labels a section knows become its fields, everything else in the
 * section (other items, paragraphs, other blocks) is kept as the section's prose and named in a note.
 */
final class LabelledList {

    /** What a label holds: one text, or a list of entries (inline after the colon, nested below, or both). */
    enum Kind { TEXT, LIST }

    /** The fields read from a section, by label, and the prose around them. */
    record Read(Map<String, String> texts, Map<String, List<String>> lists, ProseAround prose) {

        String text(String label) {
            return texts.get(Headings.key(label));
        }

        List<String> list(String label) {
            return lists.get(Headings.key(label));
        }
    }

    private LabelledList() {
    }

    /**
     * @param labels the template's labels of this section and what each holds
     */
    static Read read(SectionContext context, List<Node> blocks, Map<String, Kind> labels) {
        Map<String, Kind> byKey = new LinkedHashMap<>();
        labels.forEach((label, kind) -> byKey.put(Headings.key(label), kind));
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        ProseAround prose = new ProseAround(context.source());
        for (Node block : blocks) {
            if (!(block instanceof ListBlock list)) {
                prose.prose(block);
                continue;
            }
            structure(context, prose, list, known(labels), item -> {
                Label label = Label.of(context.source(), item);
                Kind kind = label == null ? null : byKey.get(label.key());
                if (kind == null || (kind == Kind.TEXT && texts.containsKey(label.key()))) {
                    return false;
                }
                if (kind == Kind.TEXT) {
                    String text = label.text(context.source(), item);
                    requireFilled(context, item, label, text == null ? List.of() : List.of(text));
                    texts.put(label.key(), text);
                    return true;
                }
                List<String> entries = label.entries(context.source(), item);
                if (entries == null) {
                    return false;
                }
                requireFilled(context, item, label, entries);
                lists.computeIfAbsent(label.key(), key -> new ArrayList<>()).addAll(entries);
                return true;
            });
        }
        return new Read(texts, lists, prose);
    }

    /**
     * Reads one list of a section: each item {@code take} accepts is structure, the others stay as prose below it;
     * a list with no such item is prose where it stands. Either is named in a note.
     *
     * @param expected the items the section knows, for the notes
     */
    static void structure(SectionContext context, ProseAround prose, ListBlock list, String expected, Predicate<ListItem> take) {
        List<ListItem> odd = new ArrayList<>();
        for (Node node = list.getFirstChild(); node != null; node = node.getNext()) {
            if (!take.test((ListItem) node)) {
                odd.add((ListItem) node);
            }
        }
        if (odd.size() == countItems(list)) {
            prose.prose(list);
            context.note(MarkdownSource.line(list), "The list has none of the items " + expected + "; it is kept as the section's prose");
            return;
        }
        prose.structure();
        if (!odd.isEmpty()) {
            prose.leftOver(String.join("\n", odd.stream().map(item -> context.source().of(List.<Node>of(item))).toList()));
            context.note(MarkdownSource.line(odd.get(0)), (odd.size() == 1 ? "1 item" : odd.size() + " items")
                    + " of the list (" + quoted(context, odd.get(0)) + (odd.size() > 1 ? ", …" : "")
                    + (odd.size() == 1 ? ") is not one of " : ") are not ") + expected + " items, or repeats one; kept as prose below the list");
        }
    }

    private static int countItems(ListBlock list) {
        int items = 0;
        for (Node node = list.getFirstChild(); node != null; node = node.getNext()) {
            items++;
        }
        return items;
    }

    // The template's empty bullet "- Pain points" is a placeholder, not a case study's text.
    private static void requireFilled(SectionContext context, ListItem item, Label label, List<String> values) {
        if (values.isEmpty()) {
            throw context.problem(MarkdownSource.line(item), "'" + label.written() + ":' is still the template's placeholder '- "
                    + label.written() + "'; write '- " + label.written() + ": …' or leave the item out");
        }
    }

    private static String known(Map<String, Kind> labels) {
        return String.join(", ", labels.keySet().stream().map(label -> "'" + label + ":'").toList());
    }

    private static String quoted(SectionContext context, ListItem item) {
        String text = context.source().content(item);
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return "'" + CaseStudyMarkdownImport.shortened(first) + "'";
    }

    /** The label an item starts with: "Label: text", or the label alone followed by a nested list. */
    record Label(String written, String key, boolean colon) {

        private static final int MAX_LABEL = 80;

        static Label of(MarkdownSource source, ListItem item) {
            if (!(item.getFirstChild() instanceof Paragraph paragraph)) {
                return null;
            }
            String text = source.inline(paragraph);
            int lineEnd = text.indexOf('\n');
            String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
            int colon = firstLine.indexOf(':');
            if (colon > 0 && colon <= MAX_LABEL) {
                String written = firstLine.substring(0, colon);
                return new Label(unemphasised(written), Headings.key(written), true);
            }
            return lineEnd < 0 && firstLine.length() <= MAX_LABEL ? new Label(unemphasised(firstLine), Headings.key(firstLine), false) : null;
        }

        /** Everything the item says after its label, as Markdown. */
        String text(MarkdownSource source, ListItem item) {
            String content = source.content(item);
            int start = colon ? content.indexOf(':') + 1 : firstParagraphEnd(content);
            String rest = content.substring(start);
            // "**Label:** text": the closing emphasis mark belongs to the label
            String trimmed = rest.stripLeading();
            if (trimmed.startsWith("**") || trimmed.startsWith("__")) {
                trimmed = trimmed.substring(2);
            }
            return ProseAround.blankToNull(trimmed.strip());
        }

        /** The entries of a list-valued label, or null when the item holds more than text and nested lists. */
        List<String> entries(MarkdownSource source, ListItem item) {
            List<String> entries = new ArrayList<>();
            String inline = inlineText(source, item);
            if (inline != null) {
                entries.add(inline);
            }
            for (Node child = item.getFirstChild().getNext(); child != null; child = child.getNext()) {
                if (!(child instanceof ListBlock nested)) {
                    return null;
                }
                for (Node entry = nested.getFirstChild(); entry != null; entry = entry.getNext()) {
                    String text = source.content(entry);
                    if (!text.isBlank()) {
                        entries.add(text);
                    }
                }
            }
            return entries;
        }

        /** The item's first paragraph after the label, such as an approach's name; null when there is none. */
        String inlineText(MarkdownSource source, ListItem item) {
            String inline = source.inline(item.getFirstChild());
            String after = colon ? inline.substring(inline.indexOf(':') + 1).strip() : "";
            if (after.startsWith("**") || after.startsWith("__")) {
                after = after.substring(2).strip();
            }
            return after.isEmpty() ? null : after;
        }

        private static int firstParagraphEnd(String content) {
            int end = content.indexOf('\n');
            return end < 0 ? content.length() : end;
        }

        private static String unemphasised(String label) {
            StringBuilder plain = new StringBuilder();
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c != '*' && c != '_') {
                    plain.append(c);
                }
            }
            return plain.toString().strip();
        }
    }
}
