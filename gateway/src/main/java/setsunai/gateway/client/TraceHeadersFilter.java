package setsunai.gateway.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;
import setsunai.common.web.TraceContext;

/** Passes the request id and W3C trace context of the incoming request on to the services the gateway calls. */
@Provider
public class TraceHeadersFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        Object requestId = MDC.get(TraceContext.MDC_REQUEST_ID);
        Object traceId = MDC.get(TraceContext.MDC_TRACE_ID);
        if (requestId != null) {
            request.getHeaders().putSingle(TraceContext.REQUEST_ID_HEADER, requestId.toString());
        }
        if (traceId != null) {
            request.getHeaders().putSingle(TraceContext.TRACEPARENT_HEADER, TraceContext.traceparent(traceId.toString()));
        }
    }
}
