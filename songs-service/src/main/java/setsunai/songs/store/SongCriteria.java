package setsunai.songs.store;

import java.util.List;
import setsunai.songs.api.Mood;
import setsunai.songs.api.UsageRole;

/**
 * What a song list is filtered and ordered by; every field is optional (null or empty = no filter).
 * {@code titles} and {@code role} apply to the same usage: title=x&role=OPENING means "the openings of x".
 */
public record SongCriteria(String q, String artist, List<Mood> moods, UsageRole role, List<String> titles,
                           Integer yearFrom, Integer yearTo, SongSort sort, boolean descending) {
}
