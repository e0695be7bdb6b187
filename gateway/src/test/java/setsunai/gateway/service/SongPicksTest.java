package setsunai.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import setsunai.common.vocabulary.UsageRole;
import setsunai.gateway.api.SongPick;
import setsunai.gateway.client.SongsSong;

/** The order of songs in a title and which of them are its theme songs: no Quarkus, no HTTP. */
class SongPicksTest {

    @Test
    void themesLeadThenOpeningsEndingsInsertsScoreAndUnknownRolesLast() {
        List<SongPick> picks = SongPicks.of(List.of(
                song("a-score", "SCORE", null), song("an-ed", "ENDING", 1), song("a-future-role", "TRAILER", null),
                song("op2", "OPENING", 2), song("an-insert", "INSERT", null), song("op1", "OPENING", 1),
                song("no-role", null, null), song("the-theme", "THEME", null)), "t", null);

        assertEquals(List.of("the-theme", "op1", "op2", "an-ed", "an-insert", "a-score", "a-future-role", "no-role"),
                picks.stream().map(SongPick::slug).toList());
        // an unknown role is passed on as the service wrote it
        assertEquals("TRAILER", picks.get(6).role());
    }

    @Test
    void everyRoleOfTheSharedVocabularyHasItsPlaceBeforeUnknownOnes() {
        int unknown = SongPicks.rank("TRAILER");
        assertEquals(unknown, SongPicks.rank(null));
        Arrays.stream(UsageRole.values()).forEach(role -> assertTrue(SongPicks.rank(role.name()) < unknown, role.name()));
    }

    @Test
    void themeOpeningAndEndingAreThemeSongs() {
        assertEquals(List.of("ENDING", "OPENING", "THEME"), Arrays.stream(UsageRole.values()).map(UsageRole::name)
                .filter(role -> SongPicks.isTheme(pick(role))).sorted().toList());
        assertFalse(SongPicks.isTheme(pick("TRAILER")));
        assertFalse(SongPicks.isTheme(pick(null)));
    }

    @Test
    void aSongUsedTwiceInATitleShowsItsLeadingRole() {
        SongsSong song = new SongsSong("s", "S", null, List.of(), List.of(), 2010, null, List.of(), null, List.of(
                new SongsSong.Usage("t", "T", "INSERT", null, null, null),
                new SongsSong.Usage("t", "T", "ENDING", 3, null, null),
                new SongsSong.Usage("other", "Other", "THEME", null, null, null)), Map.of(), 1);

        assertEquals("ENDING", SongPicks.in(song, "t", null).orElseThrow().role());
    }

    static SongsSong song(String slug, String role, Integer sequence) {
        return new SongsSong(slug, slug, null, List.of(), List.of(), 2010, null, List.of(), null,
                List.of(new SongsSong.Usage("t", "T", role, sequence, null, null)), Map.of(), 1);
    }

    static SongPick pick(String role) {
        return new SongPick("s", "S", List.of(), 2010, List.of(), role, null, false);
    }
}
