package setsunai.gateway.service;

import setsunai.common.problem.ProblemException;

/**
 * A 503 problem: a service the answer needs is down, failing or slow. Answered with Retry-After, the service's own
 * when it sent one, otherwise the gateway's (setsunai.gateway.resilience.retry-after, the breaker's delay).
 */
public class ServiceUnavailable extends ProblemException {

    private final Long retryAfterSeconds;

    public ServiceUnavailable(String detail, Long retryAfterSeconds) {
        super(503, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The downstream service's Retry-After in seconds, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
