package dev.casebook.casestudy.api;

import dev.casebook.platform.security.Callers;
import dev.casebook.platform.security.Caller;
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

import java.util.UUID;

/** The editorial workflow: DRAFT -> IN_REVIEW -> PUBLISHED, and the ways back. */
@Path("/api/case-studies/{id}")
@Produces(MediaType.APPLICATION_JSON)
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
    @RolesAllowed({Caller.AUTHOR, Caller.EDITOR, Caller.ADMIN})
    @Operation(summary = "Submit a draft for review (DRAFT -> IN_REVIEW)")
    public Response submit(@PathParam("id") UUID id) {
        return answer(desk.submit(id, callers.current()));
    }

    @POST
    @Path("/publish")
    @RolesAllowed({Caller.EDITOR, Caller.ADMIN})
    @Operation(summary = "Publish a reviewed case study (IN_REVIEW -> PUBLISHED)")
    public Response publish(@PathParam("id") UUID id) {
        return answer(desk.publish(id, callers.current()));
    }

    @POST
    @Path("/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.EDITOR, Caller.ADMIN})
    @Operation(summary = "Send a case study back to its author with a comment (IN_REVIEW -> DRAFT)")
    public Response requestChanges(@PathParam("id") UUID id, @Valid @NotNull ChangeRequest request) {
        return answer(desk.requestChanges(id, request.comment(), callers.current()));
    }

    @POST
    @Path("/unpublish")
    @RolesAllowed({Caller.EDITOR, Caller.ADMIN})
    @Operation(summary = "Take a case study off the public site (PUBLISHED -> DRAFT)")
    public Response unpublish(@PathParam("id") UUID id) {
        return answer(desk.unpublish(id, callers.current()));
    }

    @POST
    @Path("/archive")
    @RolesAllowed({Caller.EDITOR, Caller.ADMIN})
    @Operation(summary = "Archive a case study for good")
    public Response archive(@PathParam("id") UUID id) {
        return answer(desk.archive(id, callers.current()));
    }

    private Response answer(CaseStudy caseStudy) {
        return representations.json(caseStudy, Response.ok());
    }
}
