package dev.casebook.metrics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.casebook.platform.idempotency.Idempotent;
import dev.casebook.platform.security.Callers;
import dev.casebook.platform.security.Role;
import dev.casebook.metrics.domain.ComputedDecimal;
import dev.casebook.metrics.domain.Phase;
import dev.casebook.metrics.domain.Sample;
import dev.casebook.metrics.domain.SampleIntake;
import dev.casebook.metrics.domain.SampleStore;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import dev.casebook.platform.http.PublicReads;
import dev.casebook.platform.security.Caller;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Raw samples of a case study's metrics, and their statistics. */
@Path("/api/metrics/case-studies/{caseStudyId}/samples")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Samples", description = "Raw measurements from load tests, and their statistics")
public class SampleResource {

    public record Accepted(UUID caseStudyId, int accepted) {
    }

    /** Statistics of one phase's samples, each to 15 significant digits ({@link ComputedDecimal}). */
    public record Statistics(long count, BigDecimal min, BigDecimal max, BigDecimal mean, BigDecimal p50, BigDecimal p95, BigDecimal p99) {

        static Statistics of(SampleStore.PhaseSummary phase) {
            return new Statistics(phase.count(), ComputedDecimal.of(phase.min()), ComputedDecimal.of(phase.max()),
                    ComputedDecimal.of(phase.mean()), ComputedDecimal.of(phase.p50()), ComputedDecimal.of(phase.p95()),
                    ComputedDecimal.of(phase.p99()));
        }
    }

    /** A phase without samples is left out, rather than null, so that its schema stays a plain object. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MetricSummary(String metric,
                                @Schema(description = "Absent without BEFORE samples") Statistics before,
                                @Schema(description = "Absent without AFTER samples") Statistics after) {
    }

    public record Summary(UUID caseStudyId, List<MetricSummary> metrics) {
    }

    private final SampleIntake intake;
    private final SampleStore store;
    private final Callers callers;

    public SampleResource(SampleIntake intake, SampleStore store, Callers callers) {
        this.intake = intake;
        this.store = store;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Ids.AUTHOR, Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "addSamples", summary = "Add raw samples",
            description = "A JSON array of 1 to 10000 samples, stored all or none. Same permission as setting the table. "
                    + "Load-testing tools may send the same array (or one sample) to Kafka topic metrics.samples, keyed by the case study id.")
    @APIResponse(responseCode = "202", description = "Stored; the statistics include them from now on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    // Not @Valid: SampleIntake checks the batch by hand, as it does the samples from Kafka, and lists the first
    // problems of 10,000 samples rather than every one.
    @Idempotent
    public Response add(@PathParam("caseStudyId") UUID caseStudyId, List<Sample> samples) {
        int accepted = intake.add(caseStudyId, samples, callers.current());
        return Response.accepted(new Accepted(caseStudyId, accepted)).build();
    }

    @GET
    @Path("/summary")
    @PermitAll
    @Operation(operationId = "summarizeSamples", summary = "Statistics of the samples per metric and phase",
            description = "count, min, max, mean and the percentiles p50, p95, p99 (interpolated, as PostgreSQL's percentile_cont).")
    @APIResponse(responseCode = "200", description = "The statistics", content = @Content(schema = @Schema(implementation = Summary.class)),
            headers = {@Header(name = "ETag", description = "Its version; If-None-Match with it gives 304", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = PublicReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Vary", description = PublicReads.VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = PublicReads.NOT_MODIFIED)
    public Response summary(@PathParam("caseStudyId") UUID caseStudyId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                            @Context Request request) {
        Caller caller = callers.current();
        return PublicReads.read(request, ifNoneMatch, caller, () -> store.summaryVersion(caseStudyId, caller).map(EntityTag::new),
                () -> summaryOf(caseStudyId, caller));
    }

    private Summary summaryOf(UUID caseStudyId, Caller caller) {
        Map<String, MetricSummary> byMetric = new LinkedHashMap<>();
        for (SampleStore.PhaseSummary phase : store.summary(caseStudyId, caller)) {
            Statistics statistics = Statistics.of(phase);
            String key = phase.metric().toLowerCase(Locale.ROOT);
            MetricSummary known = byMetric.getOrDefault(key, new MetricSummary(phase.metric(), null, null));
            byMetric.put(key, phase.phase() == Phase.BEFORE
                    ? new MetricSummary(known.metric(), statistics, known.after())
                    : new MetricSummary(known.metric(), known.before(), statistics));
        }
        return new Summary(caseStudyId, new ArrayList<>(byMetric.values()));
    }
}
