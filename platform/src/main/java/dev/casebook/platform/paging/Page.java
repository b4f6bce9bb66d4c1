package dev.casebook.platform.paging;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a listing, the body every listing answers: its items, which page this is (from 0), the size asked for
 * and how many items there are in all. Each listing has its own subclass, whose name is its schema's
 * ({@code UserPage}); {@link #answer} sends it with its Link header.
 */
public abstract class Page<T> {

    /** For the {@code Link} header of a listing's 200 in its API description. */
    public static final String LINK_DESCRIPTION = "first, prev, next and last pages (RFC 8288)";

    @JsonProperty
    @Schema(required = true)
    private final List<T> items;

    @JsonProperty
    @Schema(required = true)
    private final int page;

    @JsonProperty
    @Schema(required = true)
    private final int size;

    @JsonProperty
    @Schema(required = true)
    private final long total;

    protected Page(List<T> items, PageRequest request, long total) {
        this.items = List.copyOf(items);
        this.page = request.page();
        this.size = request.size();
        this.total = total;
    }

    public List<T> items() {
        return items;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public long total() {
        return total;
    }

    /** A 200 with this page and the links to the others, at the address the client used. */
    public Response answer(UriInfo uri) {
        return Response.ok(this).header("Link", PageLinks.of(uri, page, size, total)).build();
    }
}
