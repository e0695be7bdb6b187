package setsunai.catalog.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Studio", description = "An animation studio named by titles, with how many titles it made.")
public record StudioView(
        @Schema(description = "Studio name; use it in the `studio` filter (case and accents do not matter).",
                examples = "Kyoto Animation", required = true) String name,
        @Schema(description = "Titles by this studio.", examples = "6", required = true) long titles) {
}
