package dev.casebook.metrics.api;

import dev.casebook.metrics.contract.Direction;
import dev.casebook.metrics.domain.KnownMetric;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/metrics/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics")
public class MetricCatalogResource {

    public record KnownMetricView(String name, String unit, Direction better) {
    }

    @GET
    @Operation(operationId = "readMetricCatalog", summary = "Metrics with a default unit and direction",
            description = "A metrics table row for one of these may leave out unit and better.")
    public List<KnownMetricView> catalog() {
        return Arrays.stream(KnownMetric.values())
                .map(metric -> new KnownMetricView(metric.displayName(), metric.unit(), metric.better()))
                .toList();
    }
}
