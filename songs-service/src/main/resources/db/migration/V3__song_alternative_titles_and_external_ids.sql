-- Songs by the names people know (the English translation: "Owaranai Uta" is also "Endless Poem"), searched like the
-- title, and the song's ids in other databases (MusicBrainz recording MBID, AnimeThemes song id) for playlists.
-- The service checks both (api.SongChecks: each title once ignoring case, only the known id keys, each well formed);
-- the database only keeps their shape.

ALTER TABLE song ADD COLUMN alternative_titles text[] NOT NULL DEFAULT '{}';
ALTER TABLE song ADD COLUMN external_ids jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(external_ids) = 'object');

-- The search text (V2__search.sql) now holds the alternative titles too, so full text, trigram similarity (typos)
-- and substring matching all cover them, through the same generated columns and indexes as the title.
CREATE OR REPLACE FUNCTION song_search_text(p_song bigint) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT concat_ws(' ', s.title, s.native_title, array_to_string(s.alternative_titles, ' '),
                   (SELECT string_agg(DISTINCT concat_ws(' ', a.name, a.native_name), ' ')
                    FROM song_artist sa JOIN artist a ON a.id = sa.artist_id
                    WHERE sa.song_id = s.id))
            FROM song s WHERE s.id = p_song);

-- No song has alternative titles yet, so this rewrites nothing; it keeps the column right whatever ran before.
UPDATE song SET search_text = coalesce(song_search_text(id), '')
WHERE search_text IS DISTINCT FROM coalesce(song_search_text(id), '');
