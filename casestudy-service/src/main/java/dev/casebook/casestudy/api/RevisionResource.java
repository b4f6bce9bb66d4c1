package dev.casebook.casestudy.api;

import dev.casebook.platform.security.Callers;
import dev.casebook.platform.security.Caller;
import dev.casebook.casestudy.domain.CaseStudyDocument;
import dev.casebook.casestudy.domain.CaseStudyReader;
import dev.casebook.casestudy.domain.CaseStudyRevision;
import dev.casebook.casestudy.domain.CaseStudyStatus;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every saved version of a case study, for its author and the editors. */
@Path("/api/case-studies/{id}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Case studies")
public class RevisionResource {

    public record RevisionSummary(int number, CaseStudyStatus status, String title, String savedBy, Instant savedAt) {
    }

    public record RevisionView(int number, CaseStudyStatus status, String savedBy, Instant savedAt,
                               CaseStudyDocument document) {
    }

    private final CaseStudyReader reader;
    private final Callers callers;

    public RevisionResource(CaseStudyReader reader, Callers callers) {
        this.reader = reader;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listRevisions", summary = "List the saved versions of a case study, oldest first")
    public List<RevisionSummary> list(@PathParam("id") UUID id) {
        return reader.revisions(id, callers.current()).stream()
                .map(r -> new RevisionSummary(r.number, r.status, r.title, r.savedBy, r.savedAt))
                .toList();
    }

    @GET
    @Path("/{number}")
    @Operation(operationId = "readRevision", summary = "Read one saved version of a case study")
    public RevisionView read(@PathParam("id") UUID id, @PathParam("number") int number) {
        CaseStudyRevision revision = reader.revision(id, number, callers.current());
        return new RevisionView(revision.number, revision.status, revision.savedBy, revision.savedAt, revision.content);
    }
}
