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
import jakarta.ws.rs.core.MediaType;
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

    public AnalyticsResource(Analytics analytics) {
        this.analytics = analytics;
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "summarizeImprovements", summary = "Per metric: how many published case studies report it, and the mean, median, min and max improvement")
    public List<Analytics.MetricStatistics> summary(@QueryParam("metric") @Size(max = 100) @Parameter(description = METRIC) String metric) {
        return analytics.summary(metric);
    }

    @GET
    @Path("/by-industry")
    @Operation(operationId = "summarizeImprovementsByIndustry", summary = "The summary per industry of the published case studies")
    public List<Analytics.IndustryStatistics> byIndustry(@QueryParam("metric") @Size(max = 100) @Parameter(description = METRIC) String metric) {
        return analytics.byIndustry(metric);
    }

    @GET
    @Path("/by-technology")
    @Operation(operationId = "summarizeImprovementsByTechnology", summary = "The summary per tech-stack entry of the published case studies")
    public List<Analytics.TechnologyStatistics> byTechnology(@QueryParam("metric") @Size(max = 100) @Parameter(description = METRIC) String metric) {
        return analytics.byTechnology(metric);
    }

    @GET
    @Path("/top")
    @Operation(operationId = "listTopImprovements", summary = "The published case studies that improved a metric most, largest improvement first")
    public List<Analytics.TopImprovement> top(@QueryParam("metric") @Size(max = 100) @Parameter(required = true, example = "Response Time") String metric,
                                              @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        if (metric == null || metric.isBlank()) {
            throw ProblemException.invalid(List.of(new FieldError("metric", "is required, such as metric=Response%20Time")));
        }
        return analytics.top(metric, limit);
    }
}
