package setsunai.gateway.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import setsunai.common.web.ETagFilter;

/**
 * POST /api/recommendations is a read with its parameters in the body (for long exclude lists): it gets the ETag and
 * Cache-Control the GET of the same parameters gets, from common's ETagFilter itself (which serves GETs only), so the
 * two can never differ. If-None-Match is honoured as for the GET (a 304), as for a safe query.
 */
public class QueryPostETags {

    static final String PATH = "/api/recommendations";

    @Inject
    ETagFilter etags;

    @ServerResponseFilter
    public void etag(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (HttpMethod.POST.equals(request.getMethod()) && PATH.equals(request.getUriInfo().getPath())) {
            etags.etag(asGet(request), response);
        }
    }

    /** The request as ETagFilter should see it: a GET, everything else unchanged. */
    private static ContainerRequestContext asGet(ContainerRequestContext request) {
        return (ContainerRequestContext) Proxy.newProxyInstance(QueryPostETags.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getMethod")) {
                        return HttpMethod.GET;
                    }
                    try {
                        return method.invoke(request, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
