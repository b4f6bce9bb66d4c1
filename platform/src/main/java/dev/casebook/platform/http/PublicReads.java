package dev.casebook.platform.http;

import dev.casebook.platform.security.Caller;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How browsers and shared caches (a CDN, a frontend's server) may keep the answers of reads anyone may make, and how
 * such a read answers {@code If-None-Match}.
 *
 * <p>Without a token a caller reads published case studies only, which change at a publish or an unpublish: the
 * answer is {@value #ANONYMOUS}, so a CDN serves it for a minute and then asks again with the ETag, which costs a
 * version lookup and a 304. With a token the answer may hold the caller's drafts: {@value #SIGNED_IN}, kept by their
 * browser alone and checked at every use, so an author sees their edit at once. Either way {@value #VARY}: the
 * representation follows Accept (JSON, Markdown, HTML) and what the token may see.
 */
public final class PublicReads {

    public static final String ANONYMOUS = "public, max-age=60";
    public static final String SIGNED_IN = "private, no-cache";
    public static final String VARY = "Accept, Authorization";

    /** For the OpenAPI document: what Cache-Control holds. */
    public static final String CACHE_CONTROL_DESCRIPTION = "'" + ANONYMOUS + "' without a token; '" + SIGNED_IN
            + "' with one, since the answer may hold what only the caller sees";
    public static final String VARY_DESCRIPTION = "'" + VARY + "'";
    public static final String NOT_MODIFIED = "The copy named in If-None-Match is current; nothing else is sent";

    private PublicReads() {
    }

    /**
     * A 304 when {@code If-None-Match} names the tag {@code current} finds, which must read only versions, never the
     * document. Empty when there is no {@code If-None-Match}, when it names another tag, or when nothing is found:
     * then the full read answers (a 404 included), and it checks the header again against what it read.
     */
    public static Optional<Response> notModified(Request request, String ifNoneMatch, Caller caller,
                                                 Supplier<Optional<EntityTag>> current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return Optional.empty();
        }
        return current.get().map(tag -> {
            Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
            return notModified == null ? null : cacheable(notModified.tag(tag), caller).build();
        });
    }

    /**
     * A read as a whole: 304 for a copy that is still current, else what {@code read} finds, with the tag and the
     * caching rules. The tag is taken before the read: a change in between leaves the copy an older tag than it holds,
     * so it is read again next time, never kept past a change.
     *
     * @param version the tag of what {@code read} would show the caller, without reading it; empty where it answers 404
     */
    public static Response read(Request request, String ifNoneMatch, Caller caller, Supplier<Optional<EntityTag>> version,
                                Supplier<?> read) {
        return notModified(request, ifNoneMatch, caller, version).orElseGet(() -> {
            Optional<EntityTag> tag = version.get();
            Response.ResponseBuilder answer = Response.ok(read.get());
            tag.ifPresent(answer::tag);
            return cacheable(answer, caller).build();
        });
    }

    /** The caching headers of an answer to {@code caller}'s read. */
    public static Response.ResponseBuilder cacheable(Response.ResponseBuilder answer, Caller caller) {
        return answer.header(HttpHeaders.CACHE_CONTROL, caller.isAnonymous() ? ANONYMOUS : SIGNED_IN)
                .header(HttpHeaders.VARY, VARY);
    }

    /** The same for an answer already built (a page of a listing), with its tag. */
    public static Response cacheable(Response answer, EntityTag tag, Caller caller) {
        return cacheable(Response.fromResponse(answer).tag(tag), caller).build();
    }
}
