package setsunai.gateway.service;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.gateway.client.DownstreamStatus;

/** A downstream service that failed while composing an answer, and why, in words an operator can act on. */
@Schema(description = "A part of the answer that is missing because a service failed.")
public record Degradation(
        @Schema(description = "The service that failed.", examples = "songs") String service,
        @Schema(description = "What went wrong.", examples = "did not answer in time") String reason) {

    public static Degradation of(String service, Throwable failure) {
        return new Degradation(service, reason(failure));
    }

    static String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            // the exception names our own method; the client only needs to know the service was too slow
            return "did not answer in time";
        }
        if (failure instanceof BulkheadException) {
            return "too many calls in flight to it, so this one was skipped";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit breaker open: recent calls failed, so it is not called for a few seconds";
        }
        if (failure instanceof DownstreamStatus status) {
            return "answered HTTP " + status.status();
        }
        if (failure instanceof WebApplicationException w && w.getResponse() != null) {
            return "answered HTTP " + w.getResponse().getStatus();
        }
        if (failure instanceof java.io.IOException) {
            return "unreachable: " + describe(failure);
        }
        if (failure instanceof ProcessingException && failure.getCause() != null) {
            return "unreachable: " + describe(failure.getCause());
        }
        return describe(failure);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
