package dev.casebook.casestudy.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.testing.Commands;
import dev.casebook.testing.Commands.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The Markdown export of a hostile case study, rendered by markdown-it with HTML enabled, as a frontend renders it
 * (also with linkify, and with the CommonMark preset, which has no tables): no tag but what Markdown makes, no
 * {@code <script}, no link or image to anything but http(s), mailto or a relative address. js-yaml reads its front
 * matter back as written. markdown-it and js-yaml come from the npm registry, at the versions pinned in
 * {@code src/test/node/package.json}, into {@code target/markdown-it}.
 */
class MarkdownItTest {

    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/markdown-it");
    /** The tags markdown-it makes of Markdown; any other tag came from raw HTML. */
    private static final Set<String> MARKDOWN_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "code", "pre",
            "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "a", "img", "blockquote", "hr", "br", "s");
    // Test code reading renderers' HTML: not a writer's text on a request path.
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>");
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(href|src)=\"([^\"]*)\"");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z-]+)=");

    @BeforeAll
    static void install() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Commands.available("node") && Commands.available("npm"), "MarkdownItTest needs Node.js 20+ and npm on the PATH, "
                + "and did not find them: the check with markdown-it did NOT run (apt-get install nodejs npm)");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "render.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/markdown-it"))) {
            Run npm = run(300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
            if (npm.exitCode() != 0) {
                throw new AssertionError("npm install of markdown-it failed:\n" + npm.output());
            }
        }
    }

    @Test
    void theHostileCaseStudysMarkdownRendersToNothingButMarkdownsOwnTags() throws Exception {
        for (boolean frontMatter : List.of(false, true)) {
            JsonNode rendered = render(Markdowns.RENDER.render(HostileCaseStudy.document(), HostileCaseStudy.metrics(), frontMatter));
            rendered.get("html").fields().forEachRemaining(renderer -> {
                String html = renderer.getValue().asText();
                String name = renderer.getKey() + (frontMatter ? ", front matter" : "");
                assertThat(name + ":\n" + html, unsafe(html), empty());
                assertThat(name, html, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
                assertThat(name, html, containsString("<code>List&lt;String&gt;</code>"));
            });
        }
    }

    @Test
    void aWritersHostileMarkdownImportedAndExportedRendersSafelyToo() throws Exception {
        String written = "# Case Study: <script>alert(1)</script>\n\n## Executive Summary\n\n" + String.join("\n\n", HostileCaseStudy.ATTACKS)
                + "\n\n[evil]: javascript:alert(1)\n\n## Business Challenge\n\n<div>\n<img src=x onerror=alert(1)>\n</div>\n\n"
                + "- Pain points: [x](javascript:alert(1)) <b onmouseover=alert(1)>hover</b>\n";
        CaseStudyMarkdownImport.Imported imported = Markdowns.IMPORT.read(written);
        JsonNode rendered = render(Markdowns.RENDER.render(imported.document(), imported.metricsAsWritten()));
        rendered.get("html").fields().forEachRemaining(renderer ->
                assertThat(renderer.getKey() + ":\n" + renderer.getValue().asText(), unsafe(renderer.getValue().asText()), empty()));
    }

    @Test
    void jsYamlReadsTheFrontMatterBackAsWritten() throws Exception {
        CaseStudyDocument doc = HostileCaseStudy.document();
        JsonNode front = render(Markdowns.RENDER.render(doc, List.of(), true)).get("frontMatter");
        assertThat(front.get("client").asText(), equalTo(doc.client().name()));
        assertThat(front.get("industry").asText(), equalTo(doc.client().industry()));
        assertThat(front.get("tags").get(0).asText(), equalTo("<script>"));
    }

    /** Tags raw HTML made, attributes Markdown does not make, and links or images to unsafe destinations. */
    private static List<String> unsafe(String html) {
        List<String> unsafe = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!MARKDOWN_TAGS.contains(name)) {
                unsafe.add("tag " + tag.group());
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                if (!Set.of("href", "src", "alt", "title", "class", "style").contains(attribute.group(1).toLowerCase(Locale.ROOT))) {
                    unsafe.add("attribute " + tag.group());
                }
            }
            Matcher url = URL_ATTRIBUTE.matcher(tag.group(3));
            while (url.find()) {
                String destination = url.group(2).replace("&amp;", "&");
                if (!LinkDestinations.safe(destination)) {
                    unsafe.add("destination " + tag.group());
                }
            }
        }
        if (html.toLowerCase(Locale.ROOT).contains("<script")) {
            unsafe.add("<script");
        }
        return unsafe;
    }

    private static JsonNode render(String markdown) throws IOException, InterruptedException {
        Path file = Files.createTempFile(WORK, "case-study", ".md");
        Files.writeString(file, markdown);
        Run node = run(60, "node", "render.mjs", file.getFileName().toString());
        Files.delete(file);
        if (node.exitCode() != 0) {
            throw new AssertionError("markdown-it failed:\n" + node.output());
        }
        return new ObjectMapper().readTree(node.output());
    }

    private static Run run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        return Commands.run(WORK, Map.of(), timeoutSeconds, command);
    }
}
