package setsunai.common.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import setsunai.common.web.QueryParams;

class TitleIdsTest {

    @Test
    void providerIdsAreReadInAnyCaseWithoutLeadingZeros() {
        assertEquals("mal:23273", TitleIds.normalize("MAL:023273"));
        assertEquals("anilist:20665", TitleIds.normalize("AniList:20665"));
        assertEquals("bangumi:100444", TitleIds.normalize("bangumi:100444"));
        assertEquals("slug:anohana", TitleIds.normalize("Slug:anohana"));
    }

    @Test
    void anythingElseIsNoTitleId() {
        for (String value : List.of("anohana", "imdb:1", "mal:", "mal:12a", ":1", "mal:1234567890123", "slug:Anohana",
                "slug:" + "a".repeat(TitleIds.SLUG_MAX + 1), "slug:-a")) {
            assertNull(TitleIds.normalize(value), value);
        }
    }

    @Test
    void malformedValuesAreOneErrorNamingTheFirstFew() {
        QueryParams params = new QueryParams();
        List<String> ids = params.normalized("id", List.of("mal:1", "x1", "MAL:01", "x2", "x3", "x4"), 10,
                TitleIds::normalize, " is not a title id", " are not title ids");
        assertEquals(List.of("mal:1"), ids);
        var error = org.junit.jupiter.api.Assertions.assertThrows(setsunai.common.problem.InvalidInputException.class,
                params::validate);
        assertEquals("'x1', 'x2', 'x3' and 1 more are not title ids", error.errors().get(0).message());
    }
}
