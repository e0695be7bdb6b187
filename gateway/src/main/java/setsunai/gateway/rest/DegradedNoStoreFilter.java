package setsunai.gateway.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import setsunai.gateway.api.Composite;

/**
 * A degraded answer must not be cached by clients or proxies: once the failed service is back, the next request
 * should get the full answer. Runs before common's ETagFilter, which keeps a Cache-Control that is already set.
 */
public class DegradedNoStoreFilter {

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void noStoreWhenDegraded(ContainerResponseContext response) {
        if (response.getEntity() instanceof Composite composite && !composite.degraded().isEmpty()) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
