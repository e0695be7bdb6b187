package setsunai.gateway.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A downstream service that failed while composing an answer, and why, in words an operator can act on. */
@Schema(description = "A part of the answer that is missing because a service failed.")
public record Degradation(
        @Schema(description = "The service that failed.", examples = "songs", required = true) String service,
        @Schema(description = "What went wrong.", examples = "did not answer in time", required = true) String reason) {
}
