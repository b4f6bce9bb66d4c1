package dev.casebook.casestudy.markdown;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Every document of the corpus imports, renders with every diagram its writer drew and every word of its prose,
 * and import → render is a fixed point from the first render on.
 */
class CorpusTest {

    @TestFactory
    Stream<DynamicTest> theCorpusHasEveryVariation() {
        return Stream.of(DynamicTest.dynamicTest("at least 12 documents", () ->
                assertThat(Markdowns.corpus().size(), greaterThanOrEqualTo(12))));
    }

    @TestFactory
    Stream<DynamicTest> everyDiagramComesBackLineForLine() {
        return Markdowns.corpus().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            String original = Markdowns.read(file).replace("\r\n", "\n");
            String rendered = Markdowns.roundTrip(original, frontMatter(file));
            List<String> missing = new ArrayList<>();
            for (String diagram : diagrams(original)) {
                if (!rendered.contains(diagram)) {
                    missing.add(diagram);
                }
            }
            assertThat("diagrams of " + file + " missing from its rendering:\n" + rendered, missing, emptyIterable());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyWordComesBack() {
        return Markdowns.corpus().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            String original = Markdowns.read(file);
            String rendered = Markdowns.roundTrip(original, frontMatter(file));
            Map<String, Integer> kept = Words.of(rendered);
            List<String> lost = new ArrayList<>();
            Words.of(original).forEach((word, count) -> {
                if (kept.getOrDefault(word, 0) < count) {
                    lost.add(word + " (" + count + " written, " + kept.getOrDefault(word, 0) + " rendered)");
                }
            });
            assertThat("words of " + file + " lost in:\n" + rendered, lost, emptyIterable());
        }));
    }

    @TestFactory
    Stream<DynamicTest> importThenRenderIsAFixedPoint() {
        return Markdowns.corpus().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            String first = Markdowns.roundTrip(Markdowns.read(file), frontMatter(file));
            String second = Markdowns.roundTrip(first, frontMatter(file));
            assertThat(second, equalTo(first));
        }));
    }

    private static boolean frontMatter(Path file) {
        return file.getFileName().toString().contains("front-matter");
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    /** The literal of every mermaid fence, as written. */
    static List<String> diagrams(String markdown) {
        List<String> diagrams = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        StringBuilder current = null;
        for (String line : lines) {
            if (current == null && line.strip().startsWith("```mermaid")) {
                current = new StringBuilder();
            } else if (current != null && line.strip().startsWith("```")) {
                diagrams.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return diagrams;
    }

    /**
     * The words a writer wrote, counted, leaving out what the template itself says and renders in its own spelling:
     * section headings, list markers and the "Label:" an item starts with.
     */
    static final class Words {

        static Map<String, Integer> of(String markdown) {
            Map<String, Integer> words = new HashMap<>();
            for (String line : markdown.replace("\r\n", "\n").split("\n")) {
                String text = line.strip();
                if (text.startsWith("## ") || text.equalsIgnoreCase("### technology stack") || text.equalsIgnoreCase("### key technical components")) {
                    continue;
                }
                text = withoutMarker(text);
                int colon = text.indexOf(':');
                if (colon > 0 && colon <= 45 && text.startsWith(text.substring(0, colon)) && !text.startsWith("|") && isLabel(text.substring(0, colon))) {
                    text = text.substring(colon + 1);
                }
                count(text, words);
            }
            return words;
        }

        private static boolean isLabel(String text) {
            return !text.contains("http") && !text.contains("`");
        }

        private static String withoutMarker(String text) {
            int i = 0;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i > 0 && i < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ')') && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                return text.substring(i + 2).strip();
            }
            if (text.length() > 1 && (text.charAt(0) == '-' || text.charAt(0) == '*' || text.charAt(0) == '+') && text.charAt(1) == ' ') {
                return withoutMarker(text.substring(2).strip());
            }
            return text;
        }

        private static void count(String text, Map<String, Integer> words) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : ' ';
                boolean thousands = c == ',' && word.length() > 0 && Character.isDigit(word.charAt(word.length() - 1))
                        && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
                if (Character.isLetterOrDigit(c)) {
                    word.append(Character.toLowerCase(c));
                } else if (!thousands) {
                    if (!word.isEmpty()) {
                        words.merge(word.toString().toLowerCase(Locale.ROOT), 1, Integer::sum);
                    }
                    word.setLength(0);
                }
            }
        }
    }
}
