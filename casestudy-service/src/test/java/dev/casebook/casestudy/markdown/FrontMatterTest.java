package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.CaseStudyDocument.Client;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** No value breaks the front matter's YAML: a YAML parser and the import read back exactly what was written. */
class FrontMatterTest {

    /** The values that broke it, and their cousins: line breaks of every kind, quotes, '---', colons, controls. */
    private static final List<String> VALUES = List.of(
            "Acme\n---\nslug: stolen",
            "Acme\r\nEast\rWest",
            "Say \"hi\" to 'them'",
            "Acme: \"East\" # 2",
            "---",
            "...",
            "\"quoted\"",
            "'single'",
            "back\\slash \\n not a newline \\\"",
            "|",
            "- item",
            "key: value",
            "tab\there",
            "line\u2028separator\u2029paragraph\u0085next",
            "bell\u0007 escape\u001B delete\u007F",
            "bom\uFEFF",
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "emoji 😀 and é",
            "{flow: [a, b]}",
            "&anchor *alias !tag %directive @at `tick`");

    @Test
    void everyValueReadsBackExactlyAsYamlAndAsImported() {
        for (String value : VALUES) {
            CaseStudyDocument doc = new CaseStudyDocument("Front matter", "front-matter", new Client(value, oneLine(value)),
                    "Summary.", null, null, null, null, null, null, null, null, null, List.of(oneLine(value).replace(",", ";"), "b"),
                    null, null, null);
            String markdown = Markdowns.RENDER.render(doc, List.of(), true);
            Map<String, Object> yaml = new Yaml().load(frontMatter(markdown));
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("slug", "front-matter");
            expected.put("client", value);
            expected.put("industry", oneLine(value));
            expected.put("tags", doc.tags());
            assertThat(value, yaml, equalTo(expected));
            CaseStudyDocument imported = Markdowns.IMPORT.read(markdown).document();
            assertThat(value, imported.client(), equalTo(doc.client()));
            assertThat(value, imported.tags(), equalTo(doc.tags()));
            assertThat(value, imported.slug(), equalTo("front-matter"));
        }
    }

    @Test
    void theFrontMatterIsOneLinePerKeyAndEndsWhereItWasWritten() {
        CaseStudyDocument doc = new CaseStudyDocument("Front matter", "front-matter", new Client(VALUES.get(0), "---"),
                "Summary.", null, null, null, null, null, null, null, null, null, List.of("---"), null, null, null);
        String markdown = Markdowns.RENDER.render(doc, List.of(), true);
        assertThat(markdown, startsWith("---\nslug: \"front-matter\"\nclient: \"Acme\\n---\\nslug: stolen\"\nindustry: \"---\"\n"
                + "tags:\n  - \"---\"\n---\n\n# Case Study: Front matter\n"));
    }

    @Test
    void aRendererShowingTheFrontMatterAsMarkdownFindsNoHtmlAndNoLinkInIt() {
        CaseStudyDocument doc = new CaseStudyDocument("Front matter", null, new Client("<script>alert(1)</script> [x](javascript:1)", null),
                "Summary.", null, null, null, null, null, null, null, null, null, null, null, null, null);
        String front = frontMatter(Markdowns.RENDER.render(doc, List.of(), true));
        assertThat(front, containsString("client: \"\\u003Cscript>alert(1)\\u003C/script> \\u005Bx](javascript:1)\""));
        assertThat(front, not(containsString("<")));
        assertThat(front, not(containsString("[")));
    }

    private static String frontMatter(String markdown) {
        return markdown.substring(4, markdown.indexOf("\n---\n", 4) + 1);
    }

    private static String oneLine(String value) {
        StringBuilder line = new StringBuilder();
        value.codePoints().filter(c -> c != '\n' && c != '\r' && c != 0x85 && c != 0x2028 && c != 0x2029).forEach(line::appendCodePoint);
        return line.toString().strip();
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
