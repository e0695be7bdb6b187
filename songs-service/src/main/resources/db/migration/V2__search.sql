-- Search and filters: full text (tsvector, accent- and case-insensitive), typo-tolerant matching (pg_trgm) over
-- song titles, native titles and artist names, and indexes for every filter and sort.
-- The extensions live in schema `extensions` (db/roles.sql); everything here names them explicitly so it does not
-- depend on the search_path Flyway runs with.

-- unaccent() is only STABLE (it reads a dictionary), so it cannot feed a generated column or an index.
-- Pinning the dictionary makes the result depend on the argument alone, which is what IMMUTABLE promises.
CREATE FUNCTION search_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(extensions.unaccent('extensions.unaccent'::regdictionary, value));

-- Artist names live in another table, so a generated column cannot see them: search_text is denormalised and
-- rewritten (with this function) by the dataset loader and by every write of the service, in the same transaction.
CREATE FUNCTION song_search_text(p_song bigint) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT concat_ws(' ', s.title, s.native_title,
                   (SELECT string_agg(DISTINCT concat_ws(' ', a.name, a.native_name), ' ')
                    FROM song_artist sa JOIN artist a ON a.id = sa.artist_id
                    WHERE sa.song_id = s.id))
            FROM song s WHERE s.id = p_song);

ALTER TABLE song ADD COLUMN search_text text NOT NULL DEFAULT '';
-- Lower-cased and unaccented: what typo-tolerant matching (word_similarity, LIKE) compares against.
ALTER TABLE song ADD COLUMN search_norm text GENERATED ALWAYS AS (search_key(search_text)) STORED;
-- 'simple': no stemming, because most words here are names and romanised Japanese, not English.
ALTER TABLE song ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_key(search_text))) STORED;

UPDATE song SET search_text = coalesce(song_search_text(id), '');

CREATE INDEX song_search_vector_idx ON song USING gin (search_vector);
CREATE INDEX song_search_norm_trgm_idx ON song USING gin (search_norm extensions.gin_trgm_ops);
CREATE INDEX song_moods_idx ON song USING gin (moods);
-- Browse orders: by title (the default) and by year, both with a unique tie-breaker for stable paging.
CREATE INDEX song_title_sort_idx ON song (lower(title), id);
CREATE INDEX song_year_sort_idx ON song (year, id);

-- Artists are searched by name, typo-tolerantly, too.
CREATE INDEX artist_name_trgm_idx ON artist USING gin (search_key(name) extensions.gin_trgm_ops);
CREATE INDEX artist_name_sort_idx ON artist (lower(name), id);

-- role filter together with the title batch: (title_slug, song_id) already serves the batch; this serves role alone.
CREATE INDEX song_usage_role_idx ON song_usage (role, song_id);
