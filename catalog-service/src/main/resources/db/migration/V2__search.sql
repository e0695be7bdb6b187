-- Search: full text (tsvector, accent-insensitive), fuzzy title matching (pg_trgm) and GIN indexes for the filters.
-- The extensions live in schema `extensions` (db/roles.sql); everything here names them explicitly so it does not
-- depend on the search_path Flyway runs with.

-- unaccent() is only STABLE (it reads a dictionary), so it cannot feed a generated column or an index.
-- Pinning the dictionary makes the result depend on the argument alone, which is what IMMUTABLE promises.
CREATE FUNCTION search_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(extensions.unaccent('extensions.unaccent'::regdictionary, value));

-- array_to_string() is STABLE for arbitrary element types; for text[] it is immutable.
CREATE FUNCTION join_text(value text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN array_to_string(value, ' ');

-- Every element normalised like search_key(), for case- and accent-insensitive array filters (studios).
CREATE FUNCTION search_keys(value text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT coalesce(array_agg(search_key(v)), '{}') FROM unnest(value) AS v);

-- English and native titles weigh most (A), alternative titles next (B), the synopsis least (C).
ALTER TABLE title ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, search_key(title || ' ' || coalesce(native_title, ''))), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(search_key(join_text(alternative_titles)), '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce(search_key(synopsis), '')), 'C')
) STORED;

-- All the names a title goes by, lower-cased and unaccented: what typo-tolerant matching compares against.
ALTER TABLE title ADD COLUMN search_titles text GENERATED ALWAYS AS (
    search_key(title || ' ' || coalesce(native_title, '') || ' ' || coalesce(join_text(alternative_titles), ''))
) STORED;

ALTER TABLE title ADD COLUMN studio_keys text[] GENERATED ALWAYS AS (search_keys(studios)) STORED;

CREATE INDEX title_search_vector_idx ON title USING gin (search_vector);
CREATE INDEX title_search_titles_trgm_idx ON title USING gin (search_titles extensions.gin_trgm_ops);
CREATE INDEX title_tags_idx ON title USING gin (tags);
CREATE INDEX title_studio_keys_idx ON title USING gin (studio_keys);
-- Default browse order and the other sorts.
CREATE INDEX title_title_idx ON title (lower(title), slug);
CREATE INDEX title_year_idx ON title (year, slug);
CREATE INDEX title_tearjerker_idx ON title (tearjerker, slug);
