package dev.casebook.casestudy.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Markdown built to hurt a parser: documents in the template's shape with generated fragments in every section, and
 * the known worst cases (long runs of one character, deep nesting, unclosed fences, one huge line). Seeded, so that a
 * failure names a document that can be made again.
 */
public final class AdversarialMarkdown {

    private static final String[] HEADINGS = {"Executive Summary", "Business Challenge", "Solution Architecture",
            "Technical Implementation", "Performance Metrics", "Technical Challenges & Solutions", "Code Example",
            "Deployment Strategy", "Results & Business Impact", "Lessons Learned"};
    private static final String[] FRAGMENTS = {"- ", "1. ", "* ", "> ", "#", "##", "### ", "|", "| --- |", "```", "~~~", "```mermaid\n",
            "```plantuml\n", "- Pain points: ", "- Approach: ", "  - Pro: ", "- Final solution: ", "Label:", ":", "**", "__", "`",
            "[", "](", "<", ">", "&", "\\", "\t", "\r", "\r\n", "\n", "\n\n", "    ", "---\n", "| Metric | Before | After | Improvement |\n",
            "|---|---|---|---|\n", "| x | 1 ms | 2 ms | 5% |\n", "$", "€", "-", "1,000", "0.5", "%", "n/a", "é", "😀", "\u0000", "%%{init}%%"};

    private AdversarialMarkdown() {
    }

    /** The worst cases by name; each under the service's 1 MiB body limit. */
    public static List<String[]> knownWorst() {
        List<String[]> cases = new ArrayList<>();
        String head = "# Case Study: Worst case\n\n## Executive Summary\n\n";
        cases.add(new String[] {"a heading followed by 20,000 spaces", "# Case Study: Spaces" + " ".repeat(20_000) + "x\n\n## Executive Summary" + " ".repeat(20_000) + "\n\nx\n"});
        cases.add(new String[] {"100,000 '#'", head + "#".repeat(100_000) + "\n"});
        cases.add(new String[] {"100,000 '|' in a table", head + "## Performance Metrics\n\n| Metric | Before | After | Improvement |\n|---|---|---|---|\n" + "|".repeat(100_000) + "\n"});
        cases.add(new String[] {"a metrics cell of 100,000 spaces", head + "## Performance Metrics\n\n| Metric | Before | After | Improvement |\n|---|---|---|---|\n| x |" + " ".repeat(100_000) + "| 1 | 2 |\n"});
        cases.add(new String[] {"100,000 backticks", head + "`".repeat(100_000) + "\n"});
        cases.add(new String[] {"an unclosed fence", head + "## Code Example\n\n```java\n" + "x();\n".repeat(10_000)});
        cases.add(new String[] {"lists nested a thousand deep", head + "## Business Challenge\n\n" + nested(1_000)});
        cases.add(new String[] {"one line of almost 1 MiB", head + "word ".repeat(200_000) + "\n"});
        cases.add(new String[] {"100,000 emphasis openers", head + "*_".repeat(50_000) + "\n"});
        cases.add(new String[] {"100,000 link openers", head + "[".repeat(100_000) + "\n"});
        cases.add(new String[] {"a label of 100,000 colons", head + "## Business Challenge\n\n- " + ":".repeat(100_000) + "\n"});
        cases.add(new String[] {"carriage returns only", head.replace("\n", "\r") + "x\r"});
        return cases;
    }

    /**
     * A document of the template's shape with {@code seed}'s fragments in it.
     *
     * @param hostile whether fragments may also be headings and diagrams that are not mermaid, which make most
     *                documents something other than the template
     */
    public static String generated(long seed, boolean hostile) {
        Random random = new Random(seed);
        String[] fragments = hostile ? FRAGMENTS : java.util.Arrays.stream(FRAGMENTS)
                .filter(fragment -> !fragment.startsWith("#") && !fragment.contains("plantuml")).toArray(String[]::new);
        StringBuilder doc = new StringBuilder();
        if (random.nextInt(10) > 0) {
            doc.append("# Case Study: ").append(noise(random, fragments, 3).replace('\n', ' ').replace('\r', ' '))
                    .append('\n').append(noise(random, fragments, 2)).append('\n');
        }
        for (String heading : HEADINGS) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            String written = random.nextBoolean() ? heading : heading.toUpperCase().replace("&", "and");
            doc.append("\n## ").append(written).append(" ".repeat(random.nextInt(3))).append("\n\n");
            int blocks = 1 + random.nextInt(6);
            for (int i = 0; i < blocks; i++) {
                doc.append(noise(random, fragments, 1 + random.nextInt(12))).append(random.nextBoolean() ? "\n" : "\n\n");
            }
        }
        return doc.toString();
    }

    private static String noise(Random random, String[] fragments, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(3) == 0 ? "words and 12 ms " : fragments[random.nextInt(fragments.length)]);
            if (random.nextInt(20) == 0) {
                text.append(fragments[random.nextInt(fragments.length)].repeat(1 + random.nextInt(2_000)));
            }
        }
        return text.toString();
    }

    private static String nested(int depth) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            list.append("  ".repeat(i)).append("- Pain points: level ").append(i).append('\n');
        }
        return list.toString();
    }
}
