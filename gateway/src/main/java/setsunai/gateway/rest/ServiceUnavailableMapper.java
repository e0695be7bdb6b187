package setsunai.gateway.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import setsunai.common.problem.Problems;
import setsunai.gateway.config.GatewayConfig;
import setsunai.gateway.service.ServiceUnavailable;

/** The gateway's 503s say when to come back (more specific than common's ProblemException mapper, so it wins). */
public class ServiceUnavailableMapper {

    @Inject
    GatewayConfig config;

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e, UriInfo uri) {
        Long retryAfter = e.retryAfterSeconds() != null ? e.retryAfterSeconds() : config.resilience().retryAfter();
        Response response = Problems.response(503, e.getMessage(), uri, List.of());
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        return response;
    }
}
