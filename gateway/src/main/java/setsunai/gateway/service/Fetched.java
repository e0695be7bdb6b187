package setsunai.gateway.service;

import setsunai.common.problem.ProblemException;

/** What one downstream call gave: a value, or an empty value and the reason it failed. */
public record Fetched<T>(T value, Degradation failure) {

    public static <T> Fetched<T> ok(T value) {
        return new Fetched<>(value, null);
    }

    public static <T> Fetched<T> failed(String service, Throwable failure, T empty) {
        return new Fetched<>(empty, Degradation.of(service, failure));
    }

    public boolean failed() {
        return failure != null;
    }

    /** For the primary source of an answer: without it there is no answer, so a 503 problem. */
    public T orUnavailable(String what) {
        if (failed()) {
            throw new ProblemException(503, what + " is unavailable right now (" + failure.reason()
                    + "); please retry shortly.");
        }
        return value;
    }
}
