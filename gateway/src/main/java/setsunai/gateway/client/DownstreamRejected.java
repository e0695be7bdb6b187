package setsunai.gateway.client;

/**
 * A downstream 4xx other than 404: our request was wrong, so retrying cannot help and the service is not unhealthy
 * (no retry, not counted by the circuit breaker).
 */
public class DownstreamRejected extends RuntimeException {

    private final int status;

    public DownstreamRejected(int status, Throwable cause) {
        super("answered HTTP " + status, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
