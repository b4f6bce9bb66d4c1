package dev.casebook.casestudy.api;

import dev.casebook.platform.idempotency.Idempotent;
import dev.casebook.platform.security.Callers;
import dev.casebook.platform.security.Role;
import dev.casebook.casestudy.domain.CaseStudy;
import dev.casebook.casestudy.domain.CaseStudyDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The editorial workflow: DRAFT -> IN_REVIEW -> PUBLISHED, and the ways back. */
@Path("/api/case-studies/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workflow", description = "The editorial workflow: DRAFT -> IN_REVIEW -> PUBLISHED, changes requested, unpublish, archive")
public class WorkflowResource {

    public record ChangeRequest(@NotBlank @Size(max = 5_000) String comment) {
    }

    private final CaseStudyDesk desk;
    private final Callers callers;
    private final Representations representations;

    public WorkflowResource(CaseStudyDesk desk, Callers callers, Representations representations) {
        this.representations = representations;
        this.desk = desk;
        this.callers = callers;
    }

    @POST
    @Path("/submit")
    @RolesAllowed({Role.Ids.AUTHOR, Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "submitCaseStudy", summary = "Submit a draft for review (DRAFT -> IN_REVIEW)")
    @APIResponse(responseCode = "200", description = "The case study in its new status", headers = {@Header(name = "ETag", description = "The version of what was answered; send it back in If-Match to change it", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)))
    @APIResponse(responseCode = "409", description = "The case study is not in a status this step starts from: currentStatus says which it is")
    @Idempotent
    public Response submit(@PathParam("id") UUID id) {
        return answer(desk.submit(id, callers.current()));
    }

    @POST
    @Path("/publish")
    @RolesAllowed({Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "publishCaseStudy", summary = "Publish a reviewed case study (IN_REVIEW -> PUBLISHED)")
    @APIResponse(responseCode = "200", description = "The case study in its new status", headers = {@Header(name = "ETag", description = "The version of what was answered; send it back in If-Match to change it", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)))
    @APIResponse(responseCode = "409", description = "The case study is not in a status this step starts from: currentStatus says which it is")
    @Idempotent
    public Response publish(@PathParam("id") UUID id) {
        return answer(desk.publish(id, callers.current()));
    }

    @POST
    @Path("/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "requestChanges", summary = "Send a case study back to its author with a comment (IN_REVIEW -> DRAFT)")
    @APIResponse(responseCode = "200", description = "The case study in its new status", headers = {@Header(name = "ETag", description = "The version of what was answered; send it back in If-Match to change it", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)))
    @APIResponse(responseCode = "409", description = "The case study is not in a status this step starts from: currentStatus says which it is")
    @Idempotent
    public Response requestChanges(@PathParam("id") UUID id, @Valid @NotNull ChangeRequest request) {
        return answer(desk.requestChanges(id, request.comment(), callers.current()));
    }

    @POST
    @Path("/unpublish")
    @RolesAllowed({Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "unpublishCaseStudy", summary = "Take a case study off the public site (PUBLISHED -> DRAFT)")
    @APIResponse(responseCode = "200", description = "The case study in its new status", headers = {@Header(name = "ETag", description = "The version of what was answered; send it back in If-Match to change it", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)))
    @APIResponse(responseCode = "409", description = "The case study is not in a status this step starts from: currentStatus says which it is")
    @Idempotent
    public Response unpublish(@PathParam("id") UUID id) {
        return answer(desk.unpublish(id, callers.current()));
    }

    @POST
    @Path("/archive")
    @RolesAllowed({Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "archiveCaseStudy", summary = "Archive a case study for good")
    @APIResponse(responseCode = "200", description = "The case study in its new status", headers = {@Header(name = "ETag", description = "The version of what was answered; send it back in If-Match to change it", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)))
    @APIResponse(responseCode = "409", description = "The case study is not in a status this step starts from: currentStatus says which it is")
    @Idempotent
    public Response archive(@PathParam("id") UUID id) {
        return answer(desk.archive(id, callers.current()));
    }

    private Response answer(CaseStudy caseStudy) {
        return representations.json(caseStudy, Response.ok());
    }
}
