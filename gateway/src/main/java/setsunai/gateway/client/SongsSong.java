package setsunai.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A song as songs-service answers it (fields the gateway does not know are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "Song", description = "A theme or breakup song with its artists, moods and usages.")
public record SongsSong(
        @Schema(examples = "one-more-time-one-more-chance") String slug,
        @Schema(examples = "One more time, One more chance") String title,
        String nativeTitle,
        @Schema(description = "Other names the song is known by (an English title, another spelling).",
                examples = "[\"Endless Poem\"]") List<String> alternativeTitles,
        List<Credit> artists,
        Integer year,
        String single,
        @Schema(examples = "[\"LONGING\"]") List<String> moods,
        String description,
        List<Usage> usages,
        @Schema(description = "Its ids elsewhere, where known: `musicbrainz` (a recording MBID), `animethemes` (an "
                + "integer).", examples = "{\"musicbrainz\": \"b9ad642e-b012-41c7-b72a-42cf4911f9ff\", \"animethemes\": 1234}")
        Map<String, Object> externalIds,
        long version) {

    /** The same song, used only in these titles (the gateway leaves out titles a caller excluded). */
    public SongsSong withUsages(List<Usage> kept) {
        return new SongsSong(slug, title, nativeTitle, alternativeTitles, artists, year, single, moods, description, kept,
                externalIds, version);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "Credit")
    public record Credit(String name, String slug, String role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "Usage")
    public record Usage(String titleSlug, String titleName, String role, Integer sequence, String episodes, String note) {
    }
}
