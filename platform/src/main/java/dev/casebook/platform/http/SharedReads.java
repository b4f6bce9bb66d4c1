package dev.casebook.platform.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Reads whose answer is the same for every caller, as analytics over published case studies are: any cache may keep
 * one for a minute ({@value #CACHE_CONTROL}), whoever asked, and a copy named in {@code If-None-Match} that is still
 * current is answered 304 from the version alone, without the read.
 */
public final class SharedReads {

    public static final String CACHE_CONTROL = PublicReads.ANONYMOUS;
    /** For the OpenAPI document: what Cache-Control holds. */
    public static final String CACHE_CONTROL_DESCRIPTION = "'" + CACHE_CONTROL + "' for every caller: the answer holds published data only";

    private final Supplier<EntityTag> version;

    /** @param version the tag of what the reads read now: a cheap lookup that moves whenever their data changes */
    public SharedReads(Supplier<EntityTag> version) {
        this.version = version;
    }

    /**
     * 304 for a current copy, else what {@code read} finds, with its tag. The tag is taken before the read: if the data
     * changes between the two, the copy carries an older tag than it holds, and is read again next time, never kept
     * past a change.
     */
    public Response answer(Request request, Supplier<?> read) {
        EntityTag tag = version.get();
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(read.get());
        return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
}
