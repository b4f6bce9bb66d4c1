package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.MetricRow;
import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * A case study as an HTML fragment, for a frontend to put in its page as it is: the Markdown it renders as (already
 * safe, {@link SafeMarkdown}, without front matter) through commonmark's {@link HtmlRenderer}, which escapes any HTML
 * it meets and keeps only links and images to http(s), mailto or relative addresses ({@link LinkDestinations}).
 */
@ApplicationScoped
public class CaseStudyHtml {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final CaseStudyMarkdown markdown;
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new LinkDestinations())
            .build();

    public CaseStudyHtml(CaseStudyMarkdown markdown) {
        this.markdown = markdown;
    }

    public String render(CaseStudyDocument doc, List<MetricRow> metrics) {
        String safe = markdown.render(doc, metrics, false);
        try {
            return renderer.render(parser.parse(safe));
        } catch (StackOverflowError deep) {
            // Nested deeper than commonmark follows: the Markdown itself, as text.
            return "<pre>" + escaped(safe) + "</pre>\n";
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
