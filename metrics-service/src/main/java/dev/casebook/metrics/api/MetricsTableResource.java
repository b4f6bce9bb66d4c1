package dev.casebook.metrics.api;

import dev.casebook.metrics.contract.MetricsTableView;
import dev.casebook.platform.idempotency.Idempotent;
import dev.casebook.platform.security.Callers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.platform.security.Role;
import dev.casebook.metrics.domain.MetricsDesk;
import dev.casebook.metrics.domain.ReportedMetric;
import dev.casebook.metrics.domain.Statistic;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;
import java.util.UUID;

/** A case study's performance-metrics table. */
@Path("/api/metrics/case-studies/{caseStudyId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics", description = "Each case study's performance-metrics table (before, after, improvement) and the catalogue of known metrics")
public class MetricsTableResource {

    /**
     * The body of a PUT: every row of the table, in the order to show them. Rows are checked by the domain
     * (MetricsTableRules), which knows the catalogue and sees the whole table: all its problems in one answer.
     */
    public record MetricsTableRequest(@Schema(required = true, maxItems = 50) List<ReportedMetric> rows) {
    }

    /** The body of a derive, optional. */
    public record DeriveRequest(@Schema(description = "Defaults to p50") Statistic statistic) {
    }

    private final MetricsDesk desk;
    private final Callers callers;
    private final ObjectMapper json;

    public MetricsTableResource(MetricsDesk desk, Callers callers, ObjectMapper json) {
        this.desk = desk;
        this.callers = callers;
        this.json = json;
    }

    @GET
    @PermitAll
    @Operation(operationId = "readMetricsTable", summary = "Read a case study's metrics table",
            description = "Its author, editors and admins read the working table; anyone else the table as it was at the "
                    + "case study's last publish (a draft's only its author, editors and admins).")
    @APIResponse(responseCode = "200", description = "The table", content = @Content(schema = @Schema(implementation = MetricsTableView.class)),
            headers = {@Header(name = "ETag", description = "Its version; If-None-Match with it gives 304", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = PublicReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Vary", description = PublicReads.VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = PublicReads.NOT_MODIFIED)
    public Response read(@PathParam("caseStudyId") UUID caseStudyId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         @Context Request request) {
        Caller caller = callers.current();
        return PublicReads.read(request, ifNoneMatch, caller, () -> desk.tableVersion(caseStudyId, caller).map(EntityTag::new),
                () -> desk.table(caseStudyId, caller));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Ids.AUTHOR, Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "replaceMetricsTable", summary = "Set every row of a case study's metrics table",
            description = "For its author while it is a draft, for editors and admins always. Response Time, Throughput and "
                    + "Error Rate may leave out unit and better. Emits dev.casebook.metrics.updated.v1 on metrics.events.")
    @APIResponse(responseCode = "200", description = "The table as saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsTableView.class)))
    @Idempotent
    public Response replace(@PathParam("caseStudyId") UUID caseStudyId, @Valid MetricsTableRequest request) {
        return Response.ok(desk.replace(caseStudyId, request == null ? null : request.rows(), callers.current()).view()).build();
    }

    @POST
    @Path("/derive")
    @RolesAllowed({Role.Ids.AUTHOR, Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "deriveMetricsTable", summary = "Fill the table's before and after values from the samples",
            description = "Every metric with samples of both phases gets the statistic (default p50) of its BEFORE samples as "
                    + "before and of its AFTER samples as after. Same permission as PUT; emits the same event.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeriveRequest.class)))
    @APIResponse(responseCode = "200", description = "The table with the derived values",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricsTableView.class)))
    @Idempotent
    public Response derive(@PathParam("caseStudyId") UUID caseStudyId, String body) throws JsonProcessingException {
        // The body is optional: read as text, so that a bare POST (no body, no Content-Type) is welcome too.
        DeriveRequest request = body == null || body.isBlank() ? null : json.readValue(body, DeriveRequest.class);
        Statistic statistic = request == null || request.statistic() == null ? Statistic.P50 : request.statistic();
        return Response.ok(desk.derive(caseStudyId, statistic, callers.current()).view()).build();
    }
}
