package setsunai.gateway.service;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.ProblemException;
import setsunai.gateway.api.Degradation;
import setsunai.gateway.client.DownstreamRejected;
import setsunai.gateway.client.DownstreamStatus;

/** What one downstream call gave: a value, or an empty value and the reason it failed (and the failure itself). */
public record Fetched<T>(T value, Degradation failure, Throwable cause) {

    public static <T> Fetched<T> ok(T value) {
        return new Fetched<>(value, null, null);
    }

    public static <T> Fetched<T> failed(String service, Throwable failure, T empty) {
        return new Fetched<>(empty, new Degradation(service, reason(failure)), failure);
    }

    public boolean failed() {
        return failure != null;
    }

    /** For the primary source of an answer when no value of the caller's was passed on: see the other overload. */
    public T orUnavailable(String what) {
        return orUnavailable(what, null);
    }

    /**
     * For the primary source of an answer: without it there is no answer. The service down, slow, failing or asking
     * us to slow down (429) is a 503 problem with Retry-After. The service refusing the request is not an outage:
     * when it refused a value the caller sent ({@code callerField}) that is a 400 naming it, otherwise a 502 (the
     * gateway and the service disagree; retrying will not help).
     */
    public T orUnavailable(String what, String callerField) {
        if (!failed()) {
            return value;
        }
        if (cause instanceof DownstreamRejected rejected && !rejected.tooManyRequests()) {
            if (callerField != null && rejected.status() != 401 && rejected.status() != 403) {
                throw new InvalidInputException(callerField, "rejected by " + Character.toLowerCase(what.charAt(0))
                        + what.substring(1) + " (HTTP " + rejected.status() + ")");
            }
            throw new ProblemException(502, what + " refused the gateway's request (" + failure.reason()
                    + "); this is not an outage, so retrying will not help.");
        }
        Long retryAfter = cause instanceof DownstreamStatus status ? status.retryAfterSeconds() : null;
        throw new ServiceUnavailable(what + " is unavailable right now (" + failure.reason() + "); please retry shortly.",
                retryAfter);
    }

    /** Why a downstream call failed, in words an operator can act on. */
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
