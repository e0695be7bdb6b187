package setsunai.gateway.rest;

/**
 * The gateway's own problem examples for its OpenAPI document: without them each error shows the generic Problem
 * example (a catalogue paging error), which is not what the gateway answers.
 */
final class ApiDocs {

    private ApiDocs() {
    }

    static final String PROBLEM = "application/problem+json";

    static final String UNKNOWN_MOOD = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "mood: unknown mood 'happy'; known moods: bittersweet, grieving, healing, heartbroken, longing",
             "instance": "/api/recommendations",
             "errors": [{"field": "mood", "message": "unknown mood 'happy'; known moods: bittersweet, grieving, healing, heartbroken, longing"}]}""";

    static final String BAD_LIMIT = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "limit: must be between 1 and 100, got 500",
             "instance": "/api/playlists/heartbroken",
             "errors": [{"field": "limit", "message": "must be between 1 and 100, got 500"}]}""";

    static final String BAD_TITLE_SLUG = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "id: must be a title slug (lower-case words joined by '-', at most 120 characters) or a provider id (mal:, anilist:, anidb:, kitsu:, bangumi: and digits, e.g. mal:1689)",
             "instance": "/api/titles/Your%20Lie",
             "errors": [{"field": "id", "message": "must be a title slug (lower-case words joined by '-', at most 120 characters) or a provider id (mal:, anilist:, anidb:, kitsu:, bangumi: and digits, e.g. mal:1689)"}]}""";

    static final String BAD_SONG_SLUG = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "slug: must be lower-case letters and digits, in words joined by '-', at most 200 characters, e.g. one-more-time-one-more-chance",
             "instance": "/api/songs/One%20More%20Time",
             "errors": [{"field": "slug", "message": "must be lower-case letters and digits, in words joined by '-', at most 200 characters, e.g. one-more-time-one-more-chance"}]}""";

    static final String TITLE_NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "No title with slug 'no-such-title'.", "instance": "/api/titles/no-such-title"}""";

    static final String SONG_NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "No song with slug 'no-such-song'.", "instance": "/api/songs/no-such-song"}""";

    static final String CATALOG_DOWN = """
            {"type": "about:blank", "title": "Service Unavailable", "status": 503,
             "detail": "The catalogue is unavailable right now (did not answer in time); please retry shortly.",
             "instance": "/api/recommendations"}""";

    static final String SONGS_DOWN = """
            {"type": "about:blank", "title": "Service Unavailable", "status": 503,
             "detail": "The songs service is unavailable right now (answered HTTP 503); please retry shortly.",
             "instance": "/api/playlists/heartbroken"}""";

    /** A surprise for grieving with seed 4254, as the dataset answers it (its scores and songs are the dataset's). */
    static final String SURPRISE = """
            {"seed": 4254, "mood": "grieving",
             "item": {"title": {"slug": "anohana-the-movie", "title": "anohana: The Flower We Saw That Day – The Movie",
               "format": "MOVIE", "episodes": 1, "year": 2013, "studios": ["A-1 Pictures"],
               "tags": ["ghosts", "grief", "death", "friendship", "letters", "afterlife"], "ending": "BITTERSWEET",
               "tearjerker": 8, "streaming": []},
              "score": 14.4,
              "reasons": ["Its themes fit grieving: grief (+3), afterlife (+2), death (+2), ghosts (+2).",
               "Its bittersweet ending fits grieving (+1).", "It hits hard: tearjerker 8 of 10 (+2.4).",
               "Songs in it fit grieving: \u201csecret base ~Kimi ga Kureta Mono~ (10 years after Ver.)\u201d (FAREWELL, GRIEF), \u201cCircle Game\u201d (FAREWELL, HOPE) (+2).",
               "Picked at random among the 62 titles that fit grieving best (at least 55% of the best fit), weighted by fit: its chance was 2.1%."],
              "songs": [{"slug": "circle-game", "title": "Circle Game", "artists": ["Galileo Galilei"], "year": 2013,
                "moods": ["FAREWELL", "HOPE"], "role": "THEME", "sequence": null, "fitsMood": true},
               {"slug": "secret-base-kimi-ga-kureta-mono-10-years-after-ver",
                "title": "secret base ~Kimi ga Kureta Mono~ (10 years after Ver.)", "artists": ["Ai Kayano"],
                "year": 2011, "moods": ["FAREWELL", "GRIEF"], "role": "INSERT", "sequence": null, "fitsMood": true}]},
             "candidates": 62, "excludeUnmatched": [], "degraded": []}""";

    static final String NO_SURPRISE = """
            {"seed": 7, "mood": "grieving", "item": null, "candidates": 0, "excludeUnmatched": [], "degraded": []}""";

    /** A real answer (the dataset's 5 Centimeters per Second), shortened to one similar title. */
    static final String TITLE_DETAIL = """
            {"title": {"slug": "5-centimeters-per-second", "title": "5 Centimeters per Second",
              "nativeTitle": "Byousoku 5 Centimeter", "alternativeTitles": ["秒速5センチメートル", "5 cm per Second"],
              "format": "MOVIE", "episodes": 1, "year": 2007, "season": "WINTER", "studios": ["CoMix Wave Films"],
              "directors": ["Makoto Shinkai"], "source": "ORIGINAL",
              "synopsis": "Told in three chapters across some fifteen years, the film follows Takaki Tōno and his childhood friend Akari Shinohara after her family moves away.",
              "tags": ["first-love", "long-distance", "drifting-apart", "unrequited-love", "letters", "coming-of-age"],
              "ending": "BITTERSWEET", "tearjerker": 8, "streaming": [], "externalIds": {"mal": 1689, "anilist": 1689},
              "version": 1},
             "soundtrack": [{"slug": "one-more-time-one-more-chance", "title": "One more time, One more chance",
              "artists": [{"name": "Masayoshi Yamazaki", "slug": "masayoshi-yamazaki", "role": "PERFORMER"}],
              "year": 1997, "single": "4th single", "moods": ["BREAKUP", "LONGING"],
              "description": "Masayoshi Yamazaki's signature ballad about searching every street for someone who is no longer there.",
              "usages": [{"titleSlug": "5-centimeters-per-second", "titleName": "5 Centimeters per Second", "role": "THEME",
                "note": "Theme song; the film is cut to it in its closing montage."}],
              "version": 1}],
             "similar": [{"title": {"slug": "the-place-promised-in-our-early-days", "title": "The Place Promised in Our Early Days",
               "format": "MOVIE", "episodes": 1, "year": 2004, "studios": ["CoMix Wave Films"],
               "tags": ["war", "first-love", "memory-loss", "drifting-apart", "friendship"], "ending": "BITTERSWEET",
               "tearjerker": 6, "streaming": []},
              "similarity": 0.414, "sharedTags": ["drifting-apart", "first-love"],
              "topSong": {"slug": "kimi-no-koe", "title": "Kimi no Koe", "artists": ["Ai Kawashima"], "year": 2004,
               "moods": ["LONGING", "HOPE"], "role": "THEME", "sequence": null, "fitsMood": false}}],
             "degraded": []}""";

    static final String SONG_DETAIL = """
            {"song": {"slug": "one-more-time-one-more-chance", "title": "One more time, One more chance",
              "artists": [{"name": "Masayoshi Yamazaki", "slug": "masayoshi-yamazaki", "role": "PERFORMER"},
                          {"name": "Masayoshi Yamazaki", "slug": "masayoshi-yamazaki", "role": "COMPOSER"}],
              "year": 1997, "single": "4th single", "moods": ["BREAKUP", "LONGING"],
              "description": "Masayoshi Yamazaki's signature ballad about searching every street for someone who is no longer there.",
              "usages": [{"titleSlug": "5-centimeters-per-second", "titleName": "5 Centimeters per Second", "role": "THEME",
                "note": "Theme song; the film is cut to it in its closing montage."}],
              "version": 1},
             "titles": [{"slug": "5-centimeters-per-second", "title": "5 Centimeters per Second",
              "nativeTitle": "Byousoku 5 Centimeter", "alternativeTitles": ["秒速5センチメートル"], "format": "MOVIE",
              "episodes": 1, "year": 2007, "season": "WINTER", "studios": ["CoMix Wave Films"], "directors": ["Makoto Shinkai"],
              "source": "ORIGINAL", "synopsis": "Told in three chapters across some fifteen years, the film follows Takaki Tōno and his childhood friend Akari Shinohara after her family moves away.",
              "tags": ["first-love", "long-distance", "drifting-apart"], "ending": "BITTERSWEET", "tearjerker": 8,
              "streaming": [], "externalIds": {"mal": 1689}, "version": 1}],
             "degraded": []}""";

    static final String RETRY_AFTER = "Seconds to wait before asking again.";

    static final String PLAYLIST_NOT_ACCEPTABLE = """
            {"type": "about:blank", "title": "Not Acceptable", "status": 406,
             "detail": "The Accept header allows none of the media types of this endpoint: application/json (the default) and application/jspf+json. Ask for one of them, or send no Accept.",
             "instance": "/api/playlists/heartbroken"}""";

    /** A real answer (the dataset's heartbroken playlist, limit=2). */
    static final String PLAYLIST = """
            {
             "mood": "heartbroken",
             "description": "You just went through a breakup or a love that did not work out: stories of love lost, unanswered or betrayed, and the songs to cry to.",
             "songs": [
              {
               "slug": "sayonara-no-koto",
               "title": "Sayonara no Koto",
               "artists": [
                "Rena Uehara"
               ],
               "year": 2013,
               "moods": [
                "BREAKUP",
                "FAREWELL"
               ],
               "matchedMoods": [
                "BREAKUP",
                "FAREWELL"
               ],
               "anime": [
                {
                 "role": "ENDING",
                 "sequence": null,
                 "title": {
                  "slug": "white-album-2",
                  "title": "White Album 2",
                  "nativeTitle": "White Album 2",
                  "format": "TV",
                  "episodes": 13,
                  "year": 2013,
                  "studios": [
                   "Satelight"
                  ],
                  "tags": [
                   "love-triangle",
                   "music",
                   "cheating",
                   "unrequited-love",
                   "school",
                   "long-distance"
                  ],
                  "ending": "BITTERSWEET",
                  "tearjerker": 7
                 }
                }
               ]
              },
              {
               "slug": "uso-no-hibana",
               "title": "Uso no Hibana",
               "artists": [
                "96Neko"
               ],
               "year": 2017,
               "moods": [
                "UNREQUITED",
                "BREAKUP"
               ],
               "matchedMoods": [
                "UNREQUITED",
                "BREAKUP"
               ],
               "anime": [
                {
                 "role": "OPENING",
                 "sequence": 1,
                 "title": {
                  "slug": "scums-wish",
                  "title": "Scum's Wish",
                  "nativeTitle": "Kuzu no Honkai",
                  "format": "TV",
                  "episodes": 12,
                  "year": 2017,
                  "studios": [
                   "Lerche"
                  ],
                  "tags": [
                   "unrequited-love",
                   "age-gap",
                   "love-triangle",
                   "school",
                   "mental-health"
                  ],
                  "ending": "BITTERSWEET",
                  "tearjerker": 5
                 }
                }
               ]
              }
             ],
             "excludeUnmatched": [],
             "degraded": []
            }""";

    /** The same playlist as JSPF (Accept: application/jspf+json), the gateway at https://setsunai.example. */
    static final String PLAYLIST_JSPF = """
            {
             "playlist": {
              "title": "Setsunai: heartbroken",
              "creator": "Setsunai",
              "annotation": "You just went through a breakup or a love that did not work out: stories of love lost, unanswered or betrayed, and the songs to cry to.",
              "location": "https://setsunai.example/api/playlists/heartbroken?limit=2",
              "identifier": "https://setsunai.example/api/playlists/heartbroken?limit=2",
              "extension": {
               "https://setsunai.app/jspf": {
                "mood": "heartbroken",
                "excludeUnmatched": [],
                "degraded": []
               }
              },
              "track": [
               {
                "title": "Sayonara no Koto",
                "creator": "Rena Uehara",
                "annotation": "Its moods fit heartbroken: BREAKUP, FAREWELL. It is an ending of White Album 2.",
                "info": "https://setsunai.example/api/titles/white-album-2",
                "extension": {
                 "https://setsunai.app/jspf": {
                  "songSlug": "sayonara-no-koto",
                  "role": "ENDING",
                  "moods": [
                   "BREAKUP",
                   "FAREWELL"
                  ],
                  "matchedMoods": [
                   "BREAKUP",
                   "FAREWELL"
                  ],
                  "anime": [
                   {
                    "slug": "white-album-2",
                    "title": "White Album 2",
                    "url": "https://setsunai.example/api/titles/white-album-2",
                    "role": "ENDING"
                   }
                  ]
                 }
                }
               },
               {
                "title": "Uso no Hibana",
                "creator": "96Neko",
                "annotation": "Its moods fit heartbroken: UNREQUITED, BREAKUP. It is opening 1 of Scum's Wish.",
                "info": "https://setsunai.example/api/titles/scums-wish",
                "extension": {
                 "https://setsunai.app/jspf": {
                  "songSlug": "uso-no-hibana",
                  "role": "OPENING",
                  "moods": [
                   "UNREQUITED",
                   "BREAKUP"
                  ],
                  "matchedMoods": [
                   "UNREQUITED",
                   "BREAKUP"
                  ],
                  "anime": [
                   {
                    "slug": "scums-wish",
                    "title": "Scum's Wish",
                    "url": "https://setsunai.example/api/titles/scums-wish",
                    "role": "OPENING",
                    "sequence": 1
                   }
                  ]
                 }
                }
               }
              ]
             }
            }""";
}
