package setsunai.gateway.client;

/**
 * A downstream 503: the service says it cannot serve now (e.g. its database is down) and when to come back. Counted
 * by the circuit breaker like a stopped service, but not retried: the retries would land within 100 ms, long before
 * its Retry-After.
 */
public class DownstreamUnavailable extends DownstreamStatus {

    public DownstreamUnavailable(Long retryAfterSeconds, Throwable cause) {
        super(503, retryAfterSeconds, cause);
    }
}
