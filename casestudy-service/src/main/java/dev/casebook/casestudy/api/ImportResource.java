package dev.casebook.casestudy.api;

import dev.casebook.platform.idempotency.Idempotent;
import dev.casebook.platform.security.Callers;
import dev.casebook.platform.security.Role;
import dev.casebook.casestudy.domain.CaseStudy;
import dev.casebook.casestudy.domain.CaseStudyDesk;
import dev.casebook.casestudy.domain.CaseStudyMeters;
import dev.casebook.casestudy.markdown.CaseStudyMarkdownImport;
import dev.casebook.platform.http.Created;
import dev.casebook.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;


@Path("/api/case-studies/import")
@Tag(name = "Import", description = "Start a case study from Markdown written in the template; the empty template")
public class ImportResource {

    private final CaseStudyMarkdownImport markdownImport;
    private final CaseStudyDesk desk;
    private final Callers callers;
    private final Representations representations;
    private final CaseStudyMeters meters;

    public ImportResource(CaseStudyMarkdownImport markdownImport, CaseStudyDesk desk, Callers callers,
                          Representations representations, CaseStudyMeters meters) {
        this.representations = representations;
        this.meters = meters;
        this.markdownImport = markdownImport;
        this.desk = desk;
        this.callers = callers;
    }

    @POST
    @Consumes(CaseStudyResource.MARKDOWN)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Ids.AUTHOR, Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "importCaseStudy", summary = "Start a case study from Markdown written in the template",
            description = "Headings are the template's, in its order (case, blanks and '&' or 'and' do not matter). What can be "
                    + "read as structure becomes structure; everything else is kept as its section's prose, and each such choice "
                    + "is listed in importNotes. The metrics table is on the case study at once, as written, until metrics-service "
                    + "has worked out its improvements. A 422 names the section and the line of what is not the template.")
    @APIResponse(responseCode = "201", description = "The draft, with importNotes on what was kept as prose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportedCaseStudyView.class)))
    @APIResponse(responseCode = "422", description = "Not the template: the problem's section and line say where")
    @Idempotent
    public Response importMarkdown(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw new ProblemException(400, "The body is empty; send a case study written in the template (GET /api/case-studies/template)");
        }
        CaseStudyMarkdownImport.Imported imported;
        try {
            imported = markdownImport.read(markdown);
        } catch (RuntimeException notTheTemplate) {
            meters.importRefused();
            throw notTheTemplate;
        }
        CaseStudy created = desk.importDraft(imported.document(), imported.metrics(), imported.metricsAsWritten(), callers.current());
        return representations.imported(created, imported.notes(), Created.at(CaseStudyResource.PATH, created.id));
    }
}
