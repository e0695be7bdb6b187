package setsunai.songs.api;

import java.util.List;
import setsunai.common.vocabulary.SongMood;
import setsunai.common.vocabulary.UsageRole;

/**
 * What a song list is filtered and ordered by; every field is optional (null or empty = no filter).
 * {@code titles} and {@code role} apply to the same usage: title=x&role=OPENING means "the openings of x".
 */
public record SongSearch(String q, String artist, List<SongMood> moods, UsageRole role, List<String> titles,
                         Integer yearFrom, Integer yearTo, SongSort sort, boolean descending) {
}
