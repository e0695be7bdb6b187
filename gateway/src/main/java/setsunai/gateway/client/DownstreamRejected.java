package setsunai.gateway.client;

/**
 * A downstream 4xx other than 404: the request was refused, the service is not unhealthy. Never retried (the same
 * request gets the same answer) and never counted by a circuit breaker: a refusal is usually caused by one caller's
 * input or one caller's traffic (a 429), and must not degrade the answers every other caller gets.
 */
public class DownstreamRejected extends DownstreamStatus {

    public DownstreamRejected(int status, Long retryAfterSeconds, Throwable cause) {
        super(status, retryAfterSeconds, cause);
    }

    /** A 429: the service asks us to slow down, so it is unavailable for now rather than wrong. */
    public boolean tooManyRequests() {
        return status() == 429;
    }
}
