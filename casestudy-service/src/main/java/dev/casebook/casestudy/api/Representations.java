package dev.casebook.casestudy.api;

import dev.casebook.casestudy.domain.CaseStudyCopy;
import dev.casebook.casestudy.domain.CaseStudyReader;
import dev.casebook.casestudy.contract.MetricRow;
import dev.casebook.casestudy.domain.MetricsCopy;
import dev.casebook.casestudy.markdown.CaseStudyHtml;
import dev.casebook.casestudy.markdown.CaseStudyMarkdown;
import dev.casebook.casestudy.markdown.ImportNote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A case study as JSON, Markdown or HTML with its metrics table and the matching entity tag. JSON holds the writer's
 * text as written; the Markdown and the HTML are rendered safe for a frontend to show (see {@link CaseStudyMarkdown}).
 */
@ApplicationScoped
public class Representations {

    /** HTML is a fragment for a page; opened on its own, it may run nothing and load nothing but images. */
    static final String HTML_POLICY = "default-src 'none'; img-src http: https:; style-src 'unsafe-inline'; sandbox";

    private final CaseStudyMarkdown markdown;
    private final CaseStudyHtml html;
    private final CaseStudyReader reader;

    public Representations(CaseStudyMarkdown markdown, CaseStudyHtml html, CaseStudyReader reader) {
        this.markdown = markdown;
        this.html = html;
        this.reader = reader;
    }

    Response json(CaseStudyCopy copy, Response.ResponseBuilder response) {
        Optional<? extends MetricsCopy> metrics = reader.metricsOf(copy);
        return response.entity(CaseStudyView.of(copy, rows(metrics))).tag(Etags.json(copy, metrics)).build();
    }

    /** A case study just imported, with the notes on what its import kept as prose. */
    Response imported(CaseStudyCopy copy, List<ImportNote> notes, Response.ResponseBuilder response) {
        Optional<? extends MetricsCopy> metrics = reader.metricsOf(copy);
        return response.entity(new ImportedCaseStudyView(CaseStudyView.of(copy, rows(metrics)), notes))
                .tag(Etags.json(copy, metrics)).build();
    }

    /** 304 when the client's copy is current; add the caching headers and build. */
    Response.ResponseBuilder json(CaseStudyCopy copy, Request request) {
        Optional<? extends MetricsCopy> metrics = reader.metricsOf(copy);
        return conditional(request, Etags.json(copy, metrics), () -> CaseStudyView.of(copy, rows(metrics)));
    }

    Response.ResponseBuilder markdown(CaseStudyCopy copy, boolean frontMatter, Request request) {
        Optional<? extends MetricsCopy> metrics = reader.metricsOf(copy);
        return conditional(request, Etags.markdown(copy, metrics, frontMatter),
                () -> markdown.render(copy.content, rows(metrics), frontMatter));
    }

    Response.ResponseBuilder html(CaseStudyCopy copy, Request request) {
        Optional<? extends MetricsCopy> metrics = reader.metricsOf(copy);
        return conditional(request, Etags.html(copy, metrics), () -> html.render(copy.content, rows(metrics)))
                .header("Content-Security-Policy", HTML_POLICY).header("X-Content-Type-Options", "nosniff");
    }

    private static List<MetricRow> rows(Optional<? extends MetricsCopy> metrics) {
        return metrics.map(table -> table.rows).orElse(List.of());
    }

    private static Response.ResponseBuilder conditional(Request request, EntityTag tag, Supplier<Object> body) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag);
        }
        return Response.ok(body.get()).tag(tag);
    }
}
