package dev.casebook.casestudy.api;

import dev.casebook.platform.idempotency.Idempotent;
import dev.casebook.platform.http.Created;
import dev.casebook.platform.http.PublicReads;
import dev.casebook.platform.security.Caller;
import dev.casebook.platform.paging.Page;
import dev.casebook.platform.paging.PageRequest;
import dev.casebook.platform.security.Callers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.casebook.platform.security.Role;
import dev.casebook.casestudy.domain.CaseStudy;
import dev.casebook.casestudy.domain.CaseStudyDesk;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.domain.CaseStudyListing;
import dev.casebook.casestudy.domain.ListingCursor;
import dev.casebook.platform.domain.InvalidInput;
import dev.casebook.casestudy.contract.CaseStudyStatus;
import dev.casebook.casestudy.domain.CaseStudyReader;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path(CaseStudyResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case studies", description = "Case studies in the template's shape: create, list and search, read as JSON, Markdown or HTML, edit with ETags, revisions")
public class CaseStudyResource {

    public static final String PATH = "/api/case-studies";
    public static final String MARKDOWN = "text/markdown";
    public static final String HTML = "text/html";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final CaseStudyDesk desk;
    private final CaseStudyReader reader;
    private final MergePatch mergePatch;
    private final Representations representations;
    private final CaseStudyListing listing;
    private final Callers callers;

    public CaseStudyResource(CaseStudyDesk desk, CaseStudyReader reader, MergePatch mergePatch, Representations representations,
                             CaseStudyListing listing, Callers callers) {
        this.desk = desk;
        this.listing = listing;
        this.reader = reader;
        this.mergePatch = mergePatch;
        this.representations = representations;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Ids.AUTHOR, Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "createCaseStudy", summary = "Start a case study", description = "Creates a DRAFT owned by the caller.")
    @APIResponse(responseCode = "201", description = "The new DRAFT", headers = {@Header(name = "Location", description = "Where the new resource is", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", description = "The version of what was answered; send it back in If-Match to change it", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken by another case study")
    @Idempotent
    public Response create(@Valid @NotNull CaseStudyDocument document) {
        CaseStudy created = desk.create(document, callers.current());
        return representations.json(created, Created.at(PATH, created.id));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCaseStudies", summary = "List and search case studies",
            description = "Filters combine; q is full-text search over every section, ranked. Anonymous callers and viewers list published case studies.")
    @APIResponse(responseCode = "200", description = "One page of summaries, best match first when q is given", headers = {@Header(name = "ETag", description = "The state of this listing for this caller; If-None-Match with it gives 304 while nothing listed changed", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = PublicReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Vary", description = PublicReads.VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Link", description = Page.LINK_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyListing.SummaryPage.class)))
    @APIResponse(responseCode = "304", description = PublicReads.NOT_MODIFIED, headers = {@Header(name = "ETag", description = "The state of this listing for this caller", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = PublicReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Vary", description = PublicReads.VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    public Response list(@QueryParam("status") @Pattern(regexp = "DRAFT|IN_REVIEW|PUBLISHED|ARCHIVED", message = "must be one of DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED") String status,
                         @QueryParam("industry") @Size(max = 100) String industry,
                         @QueryParam("tag") @Size(max = 50) String tag,
                         @QueryParam("tech") @Size(max = 100) String tech,
                         @QueryParam("author") @Size(max = 64) String author,
                         @QueryParam("q") @Size(max = 200) String q,
                         @QueryParam("sort") @Pattern(regexp = "-?(publishedAt|updatedAt|title)", message = "must be publishedAt, updatedAt or title, with a leading - for descending") String sort,
                         @Valid @BeanParam PageRequest paging,
                         @QueryParam("cursor") @Size(max = 2000) @Parameter(description = "A previous page's nextCursor: "
                                 + "the page after it, in place of page (same filters and sort)") String cursor,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         @Context UriInfo uri, @Context Request request) {
        CaseStudyListing.Filter filter = new CaseStudyListing.Filter(
                status == null ? null : CaseStudyStatus.valueOf(status), blankToNull(industry), blankToNull(tag),
                blankToNull(tech), blankToNull(author), blankToNull(q));
        ListingCursor after = cursor == null || cursor.isEmpty() ? null : after(cursor, sort, filter, paging);
        Caller caller = callers.current();
        String query = uri.getRequestUri().getRawQuery();
        return PublicReads.notModified(request, ifNoneMatch, caller,
                        () -> Optional.of(Etags.listing(listing.versionOf(caller, filter), query, caller)))
                .orElseGet(() -> {
                    CaseStudyListing.Listed listed = listing.list(caller, filter, sort, paging, after);
                    return PublicReads.cacheable(after == null ? listed.page().answer(uri) : byCursor(listed.page(), uri), Etags.listing(listed.version(), query, caller), caller);
                });
    }

    @GET
    @Path("/{idOrSlug}")
    @PermitAll
    @Operation(operationId = "readCaseStudy", summary = "Read a case study by id or slug", description = "Anonymous callers and viewers see "
            + "published case studies only. JSON holds the writer's text as written; Markdown and HTML are rendered safe to show: "
            + "raw HTML outside code is escaped, and links and images to anything but http(s), mailto or a relative address keep "
            + "only their text.")
    @APIResponse(responseCode = "200", description = "The case study", headers = {@Header(name = "ETag", description = "Its version, one per representation; If-None-Match with it gives 304", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = PublicReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Vary", description = PublicReads.VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)),
                    @Content(mediaType = MARKDOWN + ";charset=UTF-8", schema = @Schema(type = SchemaType.STRING, description = "The template filled in")),
                    @Content(mediaType = HTML + ";charset=UTF-8", schema = @Schema(type = SchemaType.STRING,
                            description = "The template filled in, as an HTML fragment: the Markdown rendered by commonmark with HTML escaped and unsafe links dropped"))})
    @APIResponse(responseCode = "304", description = PublicReads.NOT_MODIFIED, headers = {@Header(name = "ETag", description = "Its version, one per representation", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = PublicReads.CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Vary", description = PublicReads.VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    public Response read(@PathParam("idOrSlug") String idOrSlug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         @Context Request request) {
        Caller caller = callers.current();
        return PublicReads.notModified(request, ifNoneMatch, caller, () -> reader.visibleVersion(idOrSlug, caller).map(Etags::json))
                .orElseGet(() -> PublicReads.cacheable(representations.json(reader.visible(idOrSlug, caller), request), caller).build());
    }

    @GET
    @Path("/{idOrSlug}")
    @PermitAll
    @Produces(MARKDOWN + ";charset=UTF-8")
    @Operation(operationId = "readCaseStudy", summary = "Read a case study as Markdown in the template's shape",
            description = "The template's headings and nothing else, as CommonMark. With frontMatter=true, slug, client, industry "
                    + "and tags lead it as YAML front matter, for static-site generators.")
    public Response readMarkdown(@PathParam("idOrSlug") String idOrSlug, @QueryParam("frontMatter") @DefaultValue("false") boolean frontMatter,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context Request request) {
        Caller caller = callers.current();
        return PublicReads.notModified(request, ifNoneMatch, caller,
                        () -> reader.visibleVersion(idOrSlug, caller).map(version -> Etags.markdown(version, frontMatter)))
                .orElseGet(() -> PublicReads.cacheable(representations.markdown(reader.visible(idOrSlug, caller), frontMatter, request),
                        caller).build());
    }

    @GET
    @Path("/{idOrSlug}")
    @PermitAll
    @Produces(HTML + ";charset=UTF-8")
    @Operation(operationId = "readCaseStudy", summary = "Read a case study as HTML",
            description = "The Markdown rendered as an HTML fragment by commonmark, with any HTML escaped and only http(s), mailto "
                    + "and relative links and images kept; for a frontend to put in its page as it is.")
    public Response readHtml(@PathParam("idOrSlug") String idOrSlug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                             @Context Request request) {
        Caller caller = callers.current();
        return PublicReads.notModified(request, ifNoneMatch, caller, () -> reader.visibleVersion(idOrSlug, caller).map(Etags::html))
                .orElseGet(() -> PublicReads.cacheable(representations.html(reader.visible(idOrSlug, caller), request), caller).build());
    }

    @PUT
    @Path("/{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Ids.AUTHOR, Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "replaceCaseStudy", summary = "Replace a case study", description = "Needs If-Match with the ETag read last.")
    @APIResponse(responseCode = "200", description = "The case study as saved", headers = {@Header(name = "ETag", description = "The version of what was answered; send it back in If-Match to change it", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)))
    @APIResponse(responseCode = "409", description = "The case study is ARCHIVED, or IN_REVIEW and the caller is its author")
    @APIResponse(responseCode = "412", description = "Someone saved a newer version since the ETag sent in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    @Idempotent
    public Response replace(@PathParam("idOrSlug") String idOrSlug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull CaseStudyDocument document) {
        UUID id = desk.idOf(idOrSlug, callers.current());
        CaseStudy saved = desk.replace(id, document, Etags.expectedVersion(ifMatch), callers.current());
        return representations.json(saved, Response.ok());
    }

    @PATCH
    @Path("/{idOrSlug}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed({Role.Ids.AUTHOR, Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "patchCaseStudy", summary = "Change part of a case study (JSON merge patch)", description = "Needs If-Match with the ETag read last.")
    @APIResponse(responseCode = "200", description = "The case study as saved", headers = {@Header(name = "ETag", description = "The version of what was answered; send it back in If-Match to change it", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)))
    @APIResponse(responseCode = "409", description = "The case study is ARCHIVED, or IN_REVIEW and the caller is its author")
    @APIResponse(responseCode = "412", description = "Someone saved a newer version since the ETag sent in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    @Idempotent
    public Response patch(@PathParam("idOrSlug") String idOrSlug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonNode patch) {
        Long expected = Etags.expectedVersion(ifMatch);
        UUID id = desk.idOf(idOrSlug, callers.current());
        CaseStudy current = desk.workingCopy(id, callers.current());
        CaseStudyDocument patched = mergePatch.apply(current.content, patch);
        CaseStudy saved = desk.replace(id, patched, expected, callers.current());
        return representations.json(saved, Response.ok());
    }

    @DELETE
    @Path("/{idOrSlug}")
    @RolesAllowed({Role.Ids.AUTHOR, Role.Ids.EDITOR, Role.Ids.ADMIN})
    @Operation(operationId = "deleteCaseStudy", summary = "Delete a case study", description = "Admins, or the author of a draft never published.")
    @APIResponse(responseCode = "204", description = "Deleted, with its revisions, metrics and samples")
    @APIResponse(responseCode = "403", description = "Only an admin deletes a case study that was ever published")
    public Response delete(@PathParam("idOrSlug") String idOrSlug) {
        desk.delete(desk.idOf(idOrSlug, callers.current()), callers.current());
        return Response.noContent().build();
    }

    /** A page asked by cursor has no number: its links are the first page and, when there is one, the next. */
    private static Response byCursor(CaseStudyListing.SummaryPage page, UriInfo uri) {
        List<String> links = new ArrayList<>();
        links.add(Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("cursor")).rel("first").build().toString());
        page.nextCursor().ifPresent(next -> links.add(
                Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("cursor", next)).rel("next").build().toString()));
        return Response.ok(page).header("Link", String.join(", ", links)).build();
    }

    /** The cursor a client gave back, if this listing gave it out for the same order; a field error otherwise. */
    private static ListingCursor after(String token, String sort, CaseStudyListing.Filter filter, PageRequest paging) {
        if (paging.page() > 0) {
            throw InvalidInput.of("cursor", "cannot be combined with page: a cursor says where the page starts");
        }
        ListingCursor cursor = ListingCursor.of(token)
                .orElseThrow(() -> InvalidInput.of("cursor", "is not a cursor this listing gave out (nextCursor)"));
        if (!cursor.order().equals(CaseStudyListing.orderName(sort, filter))) {
            throw InvalidInput.of("cursor", "was given out for another order (" + cursor.order() + "); list again "
                    + "without a cursor for this one");
        }
        return cursor;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
