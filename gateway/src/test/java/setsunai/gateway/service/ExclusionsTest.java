package setsunai.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.web.QueryParams;
import setsunai.gateway.client.CatalogTitle;
import setsunai.gateway.client.TitleLookup;

class ExclusionsTest {

    @Test
    void valuesAreSlugsOrKnownProviderIdsNormalized() {
        assertEquals("your-lie-in-april", Exclusions.normalize("your-lie-in-april"));
        assertEquals("mal:23273", Exclusions.normalize("MAL:023273"));
        assertEquals("anilist:20665", Exclusions.normalize("anilist:20665"));
        assertEquals("kitsu:7442", Exclusions.normalize("Kitsu:007442"));
        assertEquals("anidb:10367", Exclusions.normalize("anidb:10367"));
        assertEquals("bangumi:100444", Exclusions.normalize("BANGUMI:100444"));
        // the catalogue's slug form is the slug
        assertEquals("anohana", Exclusions.normalize("slug:anohana"));
        assertEquals("anohana", Exclusions.normalize("SLUG:anohana"));
        for (String bad : List.of("imdb:1", "mal:", "mal:-1", "mal:1.5", "Your-Lie", "a--b", "mal:1234567890123", "",
                "slug:", "slug:Anohana", "slug:mal:1", ":1", "mal:1:2")) {
            assertNull(Exclusions.normalize(bad), bad);
        }
    }

    @Test
    void parseCollectsOneErrorNamingTheBadValuesAndDropsDuplicates() {
        QueryParams params = new QueryParams();
        Exclusions parsed = Exclusions.parse(params, List.of(" mal:1 ", "mal:01", "toradora", "toradora"));
        params.validate();
        assertEquals(List.of("mal:1", "toradora"), List.copyOf(parsed.values()));

        QueryParams bad = new QueryParams();
        Exclusions.parse(bad, List.of("ok", "imdb:1", "NO"));
        InvalidInputException e = assertThrows(InvalidInputException.class, bad::validate);
        assertEquals("exclude", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().startsWith("'imdb:1', 'NO' are neither"), e.errors().get(0).message());
    }

    @Test
    void providerIdsMatchTheTitlesExternalIdsWhateverTheirJsonType() {
        Exclusions exclude = Exclusions.parse(new QueryParams(), List.of("mal:1689", "anilist:20665", "mal:999999"));
        CatalogTitle fiveCm = title("5-centimeters-per-second", Map.of("mal", 1689, "anilist", 1689));
        CatalogTitle lie = title("your-lie-in-april", Map.of("mal", "23273", "anilist", 20665L));
        CatalogTitle noIds = title("kimi-ni-todoke", null);
        assertTrue(exclude.excludes(fiveCm));
        assertTrue(exclude.excludes(lie));
        assertFalse(exclude.excludes(noIds));
        // the AniList id of 5cm is 1689 too, but only mal:1689 was given; 999999 is nobody here
        assertEquals(List.of("mal:999999"), exclude.unmatched(List.of(fiveCm, lie, noIds)));
        assertEquals(List.of(), Exclusions.NONE.unmatched(List.of(fiveCm)));
    }

    @Test
    void resolvedByTheCatalogueUnmatchedIsWhatItDoesNotKnowAndIdsExcludeBySlug() {
        Exclusions exclude = Exclusions.parse(new QueryParams(), List.of("mal:1689", "no-such-title", "toradora",
                "kitsu:999", "grave-of-the-fireflies"));
        assertEquals(false, exclude.resolved());
        assertEquals(true, exclude.needsTitleIds());
        CatalogTitle fiveCm = title("5-centimeters-per-second", Map.of("mal", 1689));
        CatalogTitle toradora = title("toradora", Map.of());
        CatalogTitle war = title("grave-of-the-fireflies", Map.of("mal", 578));
        List<String> asked = List.of("mal:1689", "slug:no-such-title", "slug:toradora", "kitsu:999",
                "slug:grave-of-the-fireflies");
        Map<String, Set<String>> named = Exclusions.slugsNamed(asked, new TitleLookup(List.of(fiveCm, toradora, war), 3,
                List.of("slug:no-such-title", "kitsu:999")));
        // each id names its own title: by its slug, or by the provider id its externalIds carry
        assertEquals(Map.of("mal:1689", Set.of("5-centimeters-per-second"), "slug:no-such-title", Set.of(),
                "slug:toradora", Set.of("toradora"), "kitsu:999", Set.of(),
                "slug:grave-of-the-fireflies", Set.of("grave-of-the-fireflies")), named);
        Exclusions resolved = exclude.resolvedBy(Fetched.ok(named));
        assertTrue(resolved.resolved());
        assertFalse(resolved.needsTitleIds());
        // known only by its slug (a song's usage): excluded through the id the catalogue resolved
        assertTrue(resolved.excludesSlug("5-centimeters-per-second"));
        assertFalse(exclude.excludesSlug("5-centimeters-per-second"));
        // in the order given, as given; a known title that is not among the candidates is not listed
        assertEquals(List.of("no-such-title", "kitsu:999"), resolved.unmatched(List.of(toradora)));
        assertEquals(List.of(), resolved.degraded());
    }

    @Test
    void aFailedLookupLeavesTheValuesUnresolvedAndSaysWhy() {
        Exclusions exclude = Exclusions.parse(new QueryParams(), List.of("mal:1689", "mal:999999"));
        Exclusions failed = exclude.resolvedBy(Fetched.failed("catalog", new IllegalStateException("down"), Map.of()));
        assertFalse(failed.resolved());
        assertTrue(failed.needsTitleIds());
        assertEquals(List.of("catalog"), failed.degraded().stream().map(d -> d.service()).toList());
        // as before the lookup: matched against the titles at hand
        CatalogTitle fiveCm = title("5-centimeters-per-second", Map.of("mal", 1689));
        assertTrue(failed.excludes(fiveCm));
        assertEquals(List.of("mal:999999"), failed.unmatched(List.of(fiveCm)));
    }

    private static CatalogTitle title(String slug, Map<String, Object> ids) {
        return new CatalogTitle(slug, slug, null, null, "TV", 12, 2010, null, null, null, null, null, List.of("grief"),
                "TRAGIC", 8, List.of(), ids, 1, null);
    }
}
