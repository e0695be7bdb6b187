package setsunai.catalog.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Tag", description = "A theme from the controlled vocabulary, with how many titles carry it.")
public record TagView(
        @Schema(description = "Kebab-case key, used in the tag filters.", examples = "terminal-illness", required = true) String slug,
        @Schema(examples = "A main character lives with an illness that is expected to end their life.", required = true) String description,
        @Schema(description = "Titles with this tag.", examples = "7", required = true) long titles) {
}
