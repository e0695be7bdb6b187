package setsunai.gateway.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A downstream service that failed while composing an answer, and why. */
@Schema(description = "A part of the answer that is missing because a service failed.")
public record Degradation(
        @Schema(description = "The service that failed.", examples = "songs") String service,
        @Schema(description = "What went wrong.", examples = "timed out after 800 ms") String reason) {

    public static Degradation of(String service, Throwable failure) {
        String message = failure.getMessage();
        return new Degradation(service, failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
