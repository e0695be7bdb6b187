package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The names the seed articles (shared/seeds) give songs whose dataset title is another: each is an alternative title
 * of that song in the curated file, and a search for it, as the article spells it, finds that song first.
 */
@QuarkusTest
class ArticleSongNamesTest {

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource(delimiter = '|', value = {
            // song slug | the name the article uses | the article
            "kimi-no-kioku | Your Memory | 004_0c98aa92b4fd9df5.txt",
            "kimi-no-shiranai-monogatari | The Story You Don't Know | 004_0c98aa92b4fd9df5.txt",
            "owaranai-uta | Endless Poem | 004_0c98aa92b4fd9df5.txt",
            "todokanai-koi | Unrequited Love | 004_0c98aa92b4fd9df5.txt",
            "todokanai-koi | Todokanai Koi '13 | 004_0c98aa92b4fd9df5.txt",
            "yume-wo-kanaete-doraemon | Yume o Kanaete Doraemon | 004_0c98aa92b4fd9df5.txt",
            "secret-base-kimi-ga-kureta-mono-10-years-after-ver | Secret Base Kimi ga Kureta Mono | 001_31be35a8b3771b87.txt",
            "country-road | Country Roads | 001_31be35a8b3771b87.txt"})
    void anArticlesNameForASongIsAnAlternativeTitleAndFindsIt(String slug, String name, String article) {
        JsonNode song = CuratedSongs.songs().stream().filter(s -> s.path("slug").asText().equals(slug)).findFirst()
                .orElseThrow(() -> new AssertionError("no song " + slug + " in the dataset"));
        List<String> alternatives = CuratedSongs.stream(song.path("alternativeTitles")).map(JsonNode::asText).toList();
        assertTrue(alternatives.contains(name), slug + " should have the alternative title '" + name + "' ("
                + article + "); has " + alternatives);

        given().queryParam("q", name).get("/api/songs")
                .then().statusCode(200)
                .body("items[0].slug", equalTo(slug));
    }
}
