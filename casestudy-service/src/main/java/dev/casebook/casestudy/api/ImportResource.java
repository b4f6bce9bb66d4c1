package dev.casebook.casestudy.api;

import dev.casebook.platform.security.Callers;
import dev.casebook.platform.security.Caller;
import dev.casebook.casestudy.domain.CaseStudy;
import dev.casebook.casestudy.domain.CaseStudyDesk;
import dev.casebook.casestudy.domain.CaseStudyDocument;
import dev.casebook.casestudy.markdown.CaseStudyMarkdownImport;
import dev.casebook.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Set;

@Path("/api/case-studies/import")
public class ImportResource {

    private final CaseStudyMarkdownImport markdownImport;
    private final CaseStudyDesk desk;
    private final Validator validator;
    private final Callers callers;
    private final Representations representations;

    public ImportResource(CaseStudyMarkdownImport markdownImport, CaseStudyDesk desk, Validator validator, Callers callers,
                          Representations representations) {
        this.representations = representations;
        this.markdownImport = markdownImport;
        this.desk = desk;
        this.validator = validator;
        this.callers = callers;
    }

    @POST
    @Consumes(CaseStudyResource.MARKDOWN)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.AUTHOR, Caller.EDITOR, Caller.ADMIN})
    @Operation(summary = "Start a case study from Markdown written in the template",
            description = "A section that does not follow the template is named in a 422 problem.")
    public Response importMarkdown(String markdown, @Context UriInfo uri) {
        if (markdown == null || markdown.isBlank()) {
            throw new ProblemException(400, "The body is empty; send a case study written in the template (GET /api/case-studies/template)");
        }
        CaseStudyMarkdownImport.Imported imported = markdownImport.read(markdown);
        Set<ConstraintViolation<CaseStudyDocument>> violations = validator.validate(imported.document());
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        CaseStudy created = desk.importDraft(imported.document(), imported.metrics(), callers.current());
        return representations.json(created, Response
                .created(uri.getBaseUriBuilder().path("api/case-studies").path(created.id.toString()).build())
                .type(MediaType.APPLICATION_JSON));
    }
}
