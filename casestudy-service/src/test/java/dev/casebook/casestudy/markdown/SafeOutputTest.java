package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * What a frontend renders is safe with HTML enabled: raw HTML outside code is escaped, links and images to anything
 * but http(s), mailto or a relative address keep only their text; code stays as written; the JSON keeps the writer's text.
 */
class SafeOutputTest {

    /** commonmark as a frontend would run it: raw HTML passed through, no URL sanitising of its own. */
    private static final Parser COMMONMARK = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer PERMISSIVE = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    @Test
    void rawHtmlOutsideCodeIsEscaped() {
        assertThat(SafeMarkdown.of("<script>alert(1)</script>\n"), equalTo("&lt;script>alert(1)&lt;/script>\n"));
        assertThat(SafeMarkdown.of("A <b>bold</b> claim and p99 < 6 s.\n"), equalTo("A &lt;b>bold&lt;/b> claim and p99 &lt; 6 s.\n"));
        assertThat(SafeMarkdown.of("<!-- never closed\n\n# Still a heading\n"), equalTo("&lt;!-- never closed\n\n# Still a heading\n"));
        assertThat("already escaped by the writer", SafeMarkdown.of("\\<b> and \\\\<i>\n"), equalTo("\\<b> and \\\\&lt;i>\n"));
    }

    @Test
    void codeStaysAsWritten() {
        String code = "`List<String>` and ``a <b> c``\n\n```java\nMap<K, V> m;\n```\n\n    <indented> code\n\n> ```\n> <quoted>\n> ```\n";
        assertThat(SafeMarkdown.of(code), equalTo(code));
    }

    @Test
    void inATableCodeIsEscapedToo() {
        // A renderer without tables pairs the backticks of different cells; only escaped is '<' safe there.
        assertThat(SafeMarkdown.of("| a | b |\n|---|---|\n| ` | `<b>` |\n"), equalTo("| a | b |\n|---|---|\n| ` | `&lt;b>` |\n"));
    }

    @Test
    void linksToOtherSchemesKeepOnlyTheirText() {
        assertThat(SafeMarkdown.of("See [the demo](javascript:alert(1)) now.\n"), equalTo("See the demo now.\n"));
        assertThat(SafeMarkdown.of("[a](JAVASCRIPT:x) [b](java&#9;script:x) [c](javascript&colon;x) [d]( vbscript:x \"t\")\n"),
                equalTo("a b c d\n"));
        assertThat(SafeMarkdown.of("![a chart](data:image/svg+xml;base64,PHN2Zz4=)\n"), equalTo("a chart\n"));
        assertThat(SafeMarkdown.of("[](javascript:alert(1))\n"), equalTo("\n"));
        assertThat("an autolink is raw '<': escaped", SafeMarkdown.of("<javascript:alert(1)>\n"), equalTo("&lt;javascript:alert(1)>\n"));
    }

    @Test
    void linksToTheWebMailAndRelativeAddressesStay() {
        String links = "[web](https://example.com/a?b#c) [plain](http://example.com) [mail](mailto:team@example.com) "
                + "[relative](../docs/a.md) [anchor](#results) [query](?page=2) [host](//cdn.example.com/x.png) ![chart](img/chart.png)\n";
        assertThat(SafeMarkdown.of(links), equalTo(links));
    }

    @Test
    void aDefinitionToAnUnsafeDestinationGoesAndEveryReferenceKeepsItsText() {
        assertThat(SafeMarkdown.of("Use [the tool][t] or [t].\n\n[t]: javascript:alert(1)\n"), equalTo("Use the tool or t.\n\n\n"));
        assertThat(SafeMarkdown.of("Use [the tool][t].\n\n[t]: https://example.com\n"), equalTo("Use [the tool][t].\n\n[t]: https://example.com\n"));
    }

    @Test
    void aLinkRevealedByDroppingAnotherIsNoLinkEither() {
        String safe = SafeMarkdown.of("[[a](javascript:alert(1))](javascript:alert(2)) and [fine](https://example.com)\n");
        assertThat(HostileCaseStudy.unsafeParts(safe), empty());
        assertThat(safe, not(containsString("javascript:alert(2))")));
    }

    @Test
    void aDocumentNestedTooDeepForTheParserIsEscapedThroughout() {
        String deep = "*".repeat(20_000) + "<script>x</script>[a](javascript:x)" + "*".repeat(20_000) + "\n";
        // On a small stack the parser overflows for sure: on the default one, whether it does depends on how much
        // of it the JIT has compiled by then, and so on the machine's load.
        String safe = onASmallStack(() -> SafeMarkdown.of(deep));
        assertThat(safe, containsString("&lt;script>x&lt;/script>\\[a](javascript:x)"));
        assertThat(safe, not(containsString("<script")));
    }

    @Test
    void theHostileCaseStudyRendersWithNoHtmlAndNoUnsafeLink() {
        for (boolean frontMatter : List.of(false, true)) {
            String markdown = Markdowns.RENDER.render(HostileCaseStudy.document(), HostileCaseStudy.metrics(), frontMatter);
            assertThat(markdown, HostileCaseStudy.unsafeParts(markdown), empty());
            String html = PERMISSIVE.render(COMMONMARK.parse(markdown)).toLowerCase(Locale.ROOT);
            assertThat(html, not(containsString("<script")));
            assertThat(html, not(containsString("<img src=\"x\"")));
            assertThat(html, not(containsString("href=\"javascript")));
            assertThat(html, not(containsString("src=\"data:")));
            // What a reader sees is kept: the attacks show as text, code as written.
            assertThat(html, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertThat(html, containsString("<code>list&lt;string&gt;</code>"));
            assertThat(html, containsString("inline"));
        }
    }

    @Test
    void theJsonKeepsTheWritersTextAndTheMarkdownIsAFixedPoint() {
        CaseStudyDocument written = Markdowns.IMPORT.read("# Case Study: Hostile\n\n## Executive Summary\n\n"
                + String.join("\n\n", HostileCaseStudy.ATTACKS) + "\n").document();
        assertThat(written.summary(), startsWith("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>"));
        assertThat(written.summary(), containsString("[inline](javascript:alert(1))"));
        String rendered = Markdowns.RENDER.render(written, List.of());
        assertThat(Markdowns.roundTrip(rendered, false), equalTo(rendered));
        String hostile = Markdowns.RENDER.render(HostileCaseStudy.document(), HostileCaseStudy.metrics(), true);
        String once = Markdowns.roundTrip(hostile, true);
        assertThat(Markdowns.roundTrip(once, true), equalTo(once));
    }

    @Test
    void theHtmlIsCommonmarksWithHtmlEscapedAndOnlySafeLinks() {
        String html = new CaseStudyHtml(Markdowns.RENDER).render(HostileCaseStudy.document(), HostileCaseStudy.metrics());
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(html, startsWith("<h1>Case Study: Hostile &lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
        assertThat(lower, not(containsString("<script")));
        assertThat(lower, not(containsString("href=\"javascript")));
        assertThat(lower, not(containsString("src=\"data:")));
        assertThat(lower, not(containsString("<a ")));  // every link of the hostile case study went
        assertThat(html, containsString("<p>by reference and evil</p>"));
        assertThat(html, containsString("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"));
        assertThat(html, containsString("<code>List&lt;String&gt;</code>"));
        assertThat(html, not(containsString("slug: taken"))); // no front matter in HTML
    }

    @Test
    void destinationsAreReadAsBrowsersReadThem() {
        for (String safe : List.of("https://example.com", "HTTP://example.com", "mailto:a@example.com", "/a", "a/b", "#x", "?q=1",
                "//example.com", "", "javascript%3Aalert(1)", "./javascript:alert(1)")) {
            assertThat(safe, LinkDestinations.safe(safe), equalTo(true));
        }
        for (String unsafe : List.of("javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "java\nscript:x",
                "\u0001javascript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "ftp://x", "blob:x", "<javascript:x>")) {
            assertThat(unsafe, LinkDestinations.safe(unsafe), equalTo(false));
        }
    }

    private static String onASmallStack(java.util.function.Supplier<String> work) {
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                outcome.set(work.get());
            } catch (RuntimeException | Error e) {
                outcome.set(e);
            }
        }, "small-stack", 128 * 1024);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (outcome.get() instanceof Throwable failure) {
            throw new AssertionError("SafeMarkdown failed instead of escaping", failure);
        }
        return (String) outcome.get();
    }
}
