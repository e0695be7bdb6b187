package setsunai.gateway.service;

import java.util.List;
import java.util.Map;

/** One mood, as configured: tags with weights (heaviest first), endings with weights, song moods. */
public record MoodDef(String name, String description, Map<String, Integer> tags, Map<String, Integer> endings,
                      List<String> songMoods) {

    public boolean fits(List<String> songMoodsOfSong) {
        return songMoodsOfSong != null && songMoodsOfSong.stream().anyMatch(songMoods::contains);
    }
}
