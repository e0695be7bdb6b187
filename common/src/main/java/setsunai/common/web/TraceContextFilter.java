package setsunai.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the caller's request id and trace (or starts new ones), logs with them, and echoes the request id. */
public class TraceContextFilter {

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        String requestId = TraceContext.requestIdOrNew(request.getHeaderString(TraceContext.REQUEST_ID_HEADER));
        String traceId = TraceContext.traceIdOf(request.getHeaderString(TraceContext.TRACEPARENT_HEADER));
        MDC.put(TraceContext.MDC_REQUEST_ID, requestId);
        MDC.put(TraceContext.MDC_TRACE_ID, traceId != null ? traceId : TraceContext.newTraceId());
        request.setProperty(TraceContext.MDC_REQUEST_ID, requestId);
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(TraceContext.MDC_REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().putSingle(TraceContext.REQUEST_ID_HEADER, requestId);
        }
    }
}
