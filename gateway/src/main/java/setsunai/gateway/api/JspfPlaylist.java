package setsunai.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.vocabulary.SongMood;
import setsunai.common.vocabulary.UsageRole;

/**
 * A playlist as JSPF (https://www.xspf.org/jspf, the JSON form of XSPF, as ListenBrainz writes it), for players and
 * playlist tools: {@code application/jspf+json}. What JSPF has no field for is in Setsunai's extension, keyed by
 * {@link #EXTENSION}. Absent values are left out, as JSPF expects (no {@code null}s, no {@code date}: the answer is
 * built from the data alone, so it stays the same, and cacheable, until the data changes).
 */
@Schema(name = "JspfDocument", description = "A playlist in JSPF, the JSON form of XSPF (https://www.xspf.org/jspf), "
        + "as ListenBrainz uses it.")
public record JspfPlaylist(@Schema(required = true) Body playlist) {

    /** The media type of this representation. */
    public static final String MEDIA_TYPE = "application/jspf+json";
    /** The key of Setsunai's JSPF extension, in the playlist and in each track. */
    public static final String EXTENSION = "https://setsunai.app/jspf";

    @Schema(name = "JspfPlaylist")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(
            @Schema(examples = "Setsunai: heartbroken", required = true) String title,
            @Schema(examples = "Setsunai", required = true) String creator,
            @Schema(description = "The mood's description.", examples = "You just went through a breakup or a love "
                    + "that did not work out: stories of love lost, unanswered or betrayed, and the songs to cry to.")
            String annotation,
            @Schema(description = "Where this playlist is fetched: its URL at the gateway, with the filters asked for.",
                    examples = "https://setsunai.example/api/playlists/heartbroken") String location,
            @Schema(description = "The same URL, as the playlist's identifier.",
                    examples = "https://setsunai.example/api/playlists/heartbroken") String identifier,
            @Schema(description = "Setsunai's extension: the mood, ignored `exclude` values and failed services.")
            PlaylistExtensions extension,
            @Schema(required = true) List<Track> track) {
    }

    @Schema(name = "JspfPlaylistExtensions")
    public record PlaylistExtensions(@JsonProperty(EXTENSION) @Schema(required = true) PlaylistExtension setsunai) {
    }

    @Schema(name = "JspfPlaylistExtension")
    public record PlaylistExtension(
            @Schema(examples = "heartbroken", required = true) String mood,
            @Schema(description = "Values of `exclude` that matched none of the songs' anime, so they were ignored.",
                    examples = "[\"mal:999999\"]", required = true) List<String> excludeUnmatched,
            @Schema(description = "Services that failed while composing this answer; empty when all went well.",
                    required = true) List<Degradation> degraded) {
    }

    @Schema(name = "JspfTrack")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Track(
            @Schema(description = "Canonical ids of the recording: its MusicBrainz recording URL when known; left out "
                    + "otherwise.", examples = "[\"https://musicbrainz.org/recording/b9ad642e-b012-41c7-b72a-42cf4911f9ff\"]")
            List<String> identifier,
            @Schema(examples = "One more time, One more chance", required = true) String title,
            @Schema(description = "Its performers (or, for a score, its composers), joined.",
                    examples = "Masayoshi Yamazaki") String creator,
            @Schema(description = "Why it is in this playlist.", examples = "Its moods fit heartbroken: BREAKUP. "
                    + "It is the theme of 5 Centimeters per Second.") String annotation,
            @Schema(description = "The gateway's page of the anime it leads to (GET /api/titles/{slug}).",
                    examples = "https://setsunai.example/api/titles/5-centimeters-per-second") String info,
            @Schema(description = "Setsunai's extension: the song's slug, the anime it plays in, its ids elsewhere.",
                    required = true) TrackExtensions extension) {
    }

    @Schema(name = "JspfTrackExtensions")
    public record TrackExtensions(@JsonProperty(EXTENSION) @Schema(required = true) TrackExtension setsunai) {
    }

    @Schema(name = "JspfTrackExtension")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrackExtension(
            @Schema(description = "GET /api/songs/{slug} has the song.", examples = "one-more-time-one-more-chance",
                    required = true) String songSlug,
            @Schema(description = "The part it plays in the anime `info` leads to (the first of `anime`).",
                    type = SchemaType.STRING, implementation = UsageRole.class) String role,
            @Schema(type = SchemaType.ARRAY, implementation = SongMood.class, examples = "[\"BREAKUP\", \"LONGING\"]",
                    required = true) List<String> moods,
            @Schema(description = "Its moods that fit the mood asked for.", type = SchemaType.ARRAY,
                    implementation = SongMood.class, examples = "[\"BREAKUP\"]", required = true) List<String> matchedMoods,
            @Schema(description = "Every anime it plays in (excluded ones left out), the one `info` leads to first.",
                    required = true) List<Anime> anime,
            @Schema(description = "Its ids elsewhere, where known: `musicbrainz` (a recording MBID), `animethemes` (an "
                    + "integer; AnimeThemes has no page per id, so it is here and not in `identifier`).",
                    examples = "{\"musicbrainz\": \"b9ad642e-b012-41c7-b72a-42cf4911f9ff\"}") Map<String, Object> externalIds) {
    }

    @Schema(name = "JspfAnime")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Anime(
            @Schema(examples = "5-centimeters-per-second", required = true) String slug,
            @Schema(examples = "5 Centimeters per Second", required = true) String title,
            @Schema(description = "Its page at the gateway.", examples = "https://setsunai.example/api/titles/5-centimeters-per-second",
                    required = true) String url,
            @Schema(type = SchemaType.STRING, implementation = UsageRole.class, required = true) String role,
            @Schema(description = "1 for OP1/ED1 and so on.", examples = "1") Integer sequence) {
    }
}
