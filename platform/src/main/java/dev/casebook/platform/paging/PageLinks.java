package dev.casebook.platform.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/** RFC 8288 links to the first, previous, next and last page of a listing, keeping its other parameters. */
final class PageLinks {

    private PageLinks() {
    }

    /** One header value, as most clients expect: {@code <...>; rel="first", <...>; rel="next"}. */
    static String of(UriInfo uri, int page, int size, long total) {
        int last = total == 0 ? 0 : (int) ((total - 1) / size);
        List<Link> links = new ArrayList<>();
        links.add(link(uri, 0, "first"));
        if (page > 0) {
            links.add(link(uri, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(uri, page + 1, "next"));
        }
        links.add(link(uri, last, "last"));
        return String.join(", ", links.stream().map(Link::toString).toList());
    }

    private static Link link(UriInfo uri, int page, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("page", page)).rel(rel).build();
    }
}
