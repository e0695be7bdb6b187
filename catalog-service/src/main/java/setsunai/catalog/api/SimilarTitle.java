package setsunai.catalog.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A title similar to another: the title's own fields, plus how similar it is and why. */
@Schema(name = "SimilarTitle", description = "A title similar to the one asked about: all the title's fields "
        + "(flattened), plus `similarity` and `sharedTags`.")
public record SimilarTitle(
        @JsonUnwrapped TitleView titleView,
        @Schema(description = "0 to 1: 80% theme overlap (rare themes weigh more), 15% same ending, 5% same format.",
                examples = "0.742", minimum = "0", maximum = "1", required = true) double similarity,
        @Schema(description = "Tags both titles have.", examples = "[\"first-love\", \"long-distance\"]", required = true)
        List<String> sharedTags) {
}
