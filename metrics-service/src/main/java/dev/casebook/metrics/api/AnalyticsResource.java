package dev.casebook.metrics.api;

import dev.casebook.metrics.domain.Analytics;
import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import dev.casebook.platform.http.PublicReads;
import dev.casebook.platform.http.SharedReads;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/** Improvements across all published case studies; public. */
@Path("/api/metrics/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Improvements across published case studies")
public class AnalyticsResource {

    private static final String METRIC = "Only this metric (any capitalisation); all metrics when left out";

    private final Analytics analytics;
    private final SharedReads reads;

    public AnalyticsResource(Analytics analytics) {
        this.analytics = analytics;
        this.reads = new SharedReads(() -> new EntityTag("analytics-" + analytics.version()));
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "summarizeImprovements", summary = "Per metric: how many published case studies report it, and the mean, median, min and max improvement")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(schema = @Schema(implementation = Analytics.MetricStatistics.class, type = SchemaType.ARRAY)),
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = SharedReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = PublicReads.NOT_MODIFIED)
    public Response summary(@QueryParam("metric") @Size(max = 100) @Parameter(description = METRIC) String metric,
                            @Context Request request) {
        return reads.answer(request, () -> analytics.summary(metric));
    }

    @GET
    @Path("/by-industry")
    @Operation(operationId = "summarizeImprovementsByIndustry", summary = "The summary per industry of the published case studies")
    @APIResponse(responseCode = "200", description = "The summary per industry", content = @Content(schema = @Schema(implementation = Analytics.IndustryStatistics.class, type = SchemaType.ARRAY)),
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = SharedReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = PublicReads.NOT_MODIFIED)
    public Response byIndustry(@QueryParam("metric") @Size(max = 100) @Parameter(description = METRIC) String metric,
                               @Context Request request) {
        return reads.answer(request, () -> analytics.byIndustry(metric));
    }

    @GET
    @Path("/by-technology")
    @Operation(operationId = "summarizeImprovementsByTechnology", summary = "The summary per tech-stack entry of the published case studies")
    @APIResponse(responseCode = "200", description = "The summary per technology", content = @Content(schema = @Schema(implementation = Analytics.TechnologyStatistics.class, type = SchemaType.ARRAY)),
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = SharedReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = PublicReads.NOT_MODIFIED)
    public Response byTechnology(@QueryParam("metric") @Size(max = 100) @Parameter(description = METRIC) String metric,
                                 @Context Request request) {
        return reads.answer(request, () -> analytics.byTechnology(metric));
    }

    @GET
    @Path("/top")
    @Operation(operationId = "listTopImprovements", summary = "The published case studies that improved a metric most, largest improvement first")
    @APIResponse(responseCode = "200", description = "The largest improvements", content = @Content(schema = @Schema(implementation = Analytics.TopImprovement.class, type = SchemaType.ARRAY)),
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = SharedReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = PublicReads.NOT_MODIFIED)
    public Response top(@QueryParam("metric") @Size(max = 100) @Parameter(required = true, example = "Response Time") String metric,
                        @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit,
                        @Context Request request) {
        if (metric == null || metric.isBlank()) {
            throw ProblemException.invalid(List.of(new FieldError("metric", "is required, such as metric=Response%20Time")));
        }
        return reads.answer(request, () -> analytics.top(metric, limit));
    }
}
