package setsunai.common.web;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** The RFC 8288 Link header (first, prev, next, last) of a page, keeping every other query parameter. */
public final class PageLinks {

    private PageLinks() {
    }

    public static Response.ResponseBuilder ok(Page<?> page, UriInfo uri) {
        return Response.ok(page).header("Link", header(page, uri));
    }

    /** One Link header listing all relations, comma-separated as RFC 8288 allows. */
    public static String header(Page<?> page, UriInfo uri) {
        List<Link> links = new ArrayList<>();
        links.add(link(uri, 1, page.size(), "first"));
        if (page.page() > 1) {
            links.add(link(uri, Math.min(page.page() - 1, page.totalPages()), page.size(), "prev"));
        }
        if (page.page() < page.totalPages()) {
            links.add(link(uri, page.page() + 1, page.size(), "next"));
        }
        links.add(link(uri, page.totalPages(), page.size(), "last"));
        return String.join(", ", links.stream().map(Link::toString).toList());
    }

    private static Link link(UriInfo uri, int page, int size, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder()
                        .replaceQueryParam("page", page)
                        .replaceQueryParam("size", size))
                .rel(rel)
                .build();
    }
}
