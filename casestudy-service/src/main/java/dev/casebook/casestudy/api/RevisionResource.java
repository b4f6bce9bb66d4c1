package dev.casebook.casestudy.api;

import dev.casebook.platform.security.Callers;
import dev.casebook.platform.security.Caller;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.domain.CaseStudyReader;
import dev.casebook.casestudy.domain.CaseStudyRevision;
import dev.casebook.casestudy.contract.CaseStudyStatus;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    // A revision is named by the version it saved, the number in the ETag: If-Match "3" and revisions/3 are one state.
    public record RevisionSummary(@Schema(description = "The case study's version this revision saved, as in its ETag", examples = "0")
                                  long version, CaseStudyStatus status, String title, String savedBy, Instant savedAt) {
    }

    public record RevisionView(@Schema(description = "The case study's version this revision saved, as in its ETag", examples = "0")
                               long version, CaseStudyStatus status, String savedBy, Instant savedAt,
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
                .map(r -> new RevisionSummary(r.version, r.status, r.title, r.savedBy, r.savedAt))
                .toList();
    }

    @GET
    @Path("/{version}")
    @Operation(operationId = "readRevision", summary = "Read the case study as it was saved at one version (the number in an ETag)")
    public RevisionView read(@PathParam("id") UUID id, @PathParam("version") long version) {
        CaseStudyRevision revision = reader.revision(id, version, callers.current());
        return new RevisionView(revision.version, revision.status, revision.savedBy, revision.savedAt, revision.content);
    }
}
