package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static setsunai.testsupport.checks.JsonShape.components;
import static setsunai.testsupport.checks.JsonShape.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import setsunai.songs.api.ArtistView;
import setsunai.songs.api.SongView;

/** JSON fields come out as the records declare them, in every answer (a song, an artist), not alphabetically. */
@QuarkusTest
class JsonFieldOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSongAndAnArtistReadInDeclarationOrder() throws Exception {
        JsonNode song = read("/api/songs?size=1").get("items").get(0);
        assertEquals(components(SongView.class), keys(song));
        assertEquals(components(SongView.Credit.class), keys(song.get("artists").get(0)));

        // returned as a record (not a Response): Quarkus' generated serializer wrote this one alphabetically
        JsonNode artist = read("/api/artists/" + song.get("artists").get(0).get("slug").asText());
        assertEquals(List.of("slug", "name", "nativeName", "songCount", "songs"), keys(artist));
        assertEquals(components(ArtistView.class), keys(artist));
        assertEquals(components(ArtistView.ArtistSong.class), keys(artist.get("songs").get(0)));
    }

    private static JsonNode read(String path) throws Exception {
        return JSON.readTree(given().get(path).then().statusCode(200).extract().asByteArray());
    }
}
