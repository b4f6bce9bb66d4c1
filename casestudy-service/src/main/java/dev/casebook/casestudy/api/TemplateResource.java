package dev.casebook.casestudy.api;

import dev.casebook.casestudy.domain.CaseStudyTemplate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/case-studies/template")
@Tag(name = "Import")
public class TemplateResource {

    public static final String MARKDOWN = "text/markdown";

    private final CaseStudyTemplate template;

    public TemplateResource(CaseStudyTemplate template) {
        this.template = template;
    }

    @GET
    @Produces(MARKDOWN + ";charset=UTF-8")
    @Operation(operationId = "readTemplate", summary = "The empty case-study template as Markdown",
            description = "Every case study follows it: fill it in and import it to start a draft.")
    public String emptyTemplate() {
        return template.markdown();
    }
}
