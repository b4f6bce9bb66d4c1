package dev.casebook.platform.testapp;

import dev.casebook.platform.events.EventType;
import dev.casebook.platform.events.Outbox;
import dev.casebook.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Test-only resource: a note is saved together with a "note.created" event. */
@Path("/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    public enum Mood { CALM, BUSY }

    public record Author(@NotBlank String name) {
    }

    public record NewNote(@NotBlank @Size(max = 200) String text, @NotNull Mood mood, @Max(10) int priority,
                          @Valid Author author, List<@Size(max = 5) String> tags, List<@Valid Author> coauthors) {
    }

    /** The test app's event contract: its events, on topic "notes", written by the test app only. */
    public record NoteCreated(long id, String text) {

        public static final String SOURCE = "/casebook/platform-test";

        public static final EventType<NoteCreated> TYPE = EventType.of(NoteCreated.SOURCE, "notes", "dev.casebook.test.note.created.v1",
                NoteCreated.class, note -> "note-" + note.id(), note -> "note-" + note.id());
    }

    public record NoteEdited(long id, int edit, String text) {

        public static final EventType<NoteEdited> TYPE = EventType.of(NoteCreated.SOURCE, "notes", "dev.casebook.test.note.edited.v1",
                NoteEdited.class, note -> "note-" + note.id(), note -> "note-" + note.id());
    }

    private final Outbox outbox;

    public NoteResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Transactional
    public Map<String, Object> create(@Valid @NotNull NewNote note, @QueryParam("failAfterEvent") boolean failAfterEvent) {
        Number id = (Number) Panache.getEntityManager()
                .createNativeQuery("INSERT INTO note (text) VALUES (:text) RETURNING id")
                .setParameter("text", note.text())
                .getSingleResult();
        outbox.emit(NoteCreated.TYPE, new NoteCreated(id.longValue(), note.text()));
        if (failAfterEvent) {
            throw new IllegalStateException("failing on purpose after the event was recorded");
        }
        return Map.of("id", id.longValue());
    }

    /** Edits one note several times in one transaction: its events reach the relay together, in one batch. */
    @POST
    @Path("/{id}/edits")
    @Transactional
    public Map<String, Object> edit(@PathParam("id") long id, @NotNull List<@NotBlank @Size(max = 200) String> texts) {
        for (int edit = 0; edit < texts.size(); edit++) {
            Panache.getEntityManager().createNativeQuery("UPDATE note SET text = :text WHERE id = :id")
                    .setParameter("text", texts.get(edit))
                    .setParameter("id", id)
                    .executeUpdate();
            outbox.emit(NoteEdited.TYPE, new NoteEdited(id, edit, texts.get(edit)));
        }
        return Map.of("id", id, "edits", texts.size());
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ProblemException(409, "The note is locked").with("currentStatus", "LOCKED").withHeader("Retry-After", "5");
    }

    @GET
    @Path("/locked-away")
    @RolesAllowed("admin")
    public String lockedAway() {
        return "the admin's note";
    }

    /** A query that takes {@code seconds}: longer than the statement timeout, PostgreSQL cancels it. */
    @GET
    @Path("/slow")
    @Transactional
    public Map<String, Object> slow(@QueryParam("seconds") int seconds) {
        Panache.getEntityManager().createNativeQuery("SELECT pg_sleep(:seconds)").setParameter("seconds", seconds)
                .getSingleResult();
        return Map.of("slept", seconds);
    }

    @GET
    @Path("/broken")
    public String broken() {
        throw new IllegalStateException("internal detail that must not leak");
    }
}
