-- Search at 100,000 titles (README, "Search design" and "EXPLAIN ANALYZE"): q + tag + format answered by one GIN
-- index scan, a count(*) that needs no heap columns, relevance tiers that an index walk can serve a page of, and typo
-- matching against the English and native titles only.

-- A title as a user types it: unaccented, lower-case, punctuation and spaces folded to one space
-- ("Clannad: After Story" = "clannad after story", "Steins;Gate" = "steins gate"). Decides the exact-title tier.
CREATE FUNCTION title_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN btrim(regexp_replace(search_key(value), '[[:punct:][:space:]]+', ' ', 'g'));

-- What typo tolerance compares the query with: the English and native titles. Against every alternative title as
-- well (the former search_titles), short common words ("love", "sky") shared enough trigrams with most of the
-- catalogue to be rechecked row by row.
CREATE FUNCTION short_names(title text, native_title text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN search_key(title || ' ' || coalesce(native_title, ''));

-- Dropped before the rewrite below, so that the rewrite does not carry its values along.
ALTER TABLE title DROP COLUMN search_titles;

-- One ALTER, one rewrite of the table:
-- * facets: the filters a search combines with q, in one array: every tag, plus 'format:TV' and 'ending:TRAGIC'
--   (tags are kebab-case, so the prefixed values cannot collide with them);
-- * names_vector: the names part of search_vector (English and native title A, alternative titles B), built the
--   same way, so with the same positions: "all the words in a name", the second relevance tier;
-- * title_key: stored, because the other tiers compare it on every row they look at (computing it costs a
--   regular expression and unaccent per row).
ALTER TABLE title
    ADD COLUMN facets text[] GENERATED ALWAYS AS (tags || ARRAY['format:' || format, 'ending:' || ending]) STORED,
    ADD COLUMN names_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, search_key(title || ' ' || coalesce(native_title, ''))), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(search_key(join_text(alternative_titles)), '')), 'B')
    ) STORED,
    ADD COLUMN title_key text GENERATED ALWAYS AS (title_key(title)) STORED;

-- One GIN index over the words, the names and the facets: `search_vector @@ q AND facets @> '{death}' AND
-- facets && '{format:TV}'` is a single index scan that intersects the posting lists itself, instead of separate
-- bitmaps ANDed afterwards, and a count(*) of it needs nothing from the heap. It replaces the index on
-- search_vector alone.
CREATE INDEX title_search_idx ON title USING gin (search_vector, names_vector, facets);
DROP INDEX title_search_vector_idx;

-- The exact-title tier reads its matches from here, already in the order of the page.
CREATE INDEX title_key_idx ON title (title_key, lower(title), slug);

CREATE INDEX title_short_names_trgm_idx ON title USING gin (short_names(title, native_title) extensions.gin_trgm_ops);

-- Planner statistics for the new columns now, not whenever autovacuum gets to them. The rewrite also left no page
-- marked all-visible, and autovacuum does not count a rewrite as changes: on a populated database, run
-- `VACUUM catalog.title` once after this migration (VACUUM cannot run in the migration's transaction, and one in a
-- migration of its own ran while Flyway still held a snapshot that kept the pages from being marked).
ANALYZE title;
