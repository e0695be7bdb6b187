-- Issue 14 "where can I watch it": `streaming` becomes links, [{"service", "name", "url", "regions"}], and titles get
-- a `franchise` slug. The dataset loader (R__Catalog_dataset, which runs after this) then fills in the links' urls.

-- The display names stored so far, as links without a page. Known names take bangumi-data's site keys; any other
-- name its letters and digits, lower-cased ("HIDIVE" -> hidive), or `other` when none are left.
-- A function because ALTER COLUMN ... USING allows no subquery; kept, so that the conversion can be tested
-- (StreamingLinksTest) on the database that ran it.
CREATE FUNCTION streaming_links_of_names(names text[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'service', CASE n.name
                    WHEN 'Netflix' THEN 'netflix'
                    WHEN 'Amazon Prime Video' THEN 'prime'
                    WHEN 'Prime Video' THEN 'prime'
                    WHEN 'Crunchyroll' THEN 'crunchyroll'
                    WHEN 'Disney+' THEN 'disneyplus'
                    WHEN 'Funimation' THEN 'funimation'
                    WHEN 'Hulu' THEN 'hulu'
                    ELSE coalesce(nullif(regexp_replace(lower(n.name), '[^a-z0-9]+', '', 'g'), ''), 'other') END,
                'name', n.name, 'url', NULL, 'regions', '[]'::jsonb) ORDER BY n.position), '[]'::jsonb)
            FROM unnest(names) WITH ORDINALITY AS n(name, position));

ALTER TABLE title ALTER COLUMN streaming DROP DEFAULT;
ALTER TABLE title ALTER COLUMN streaming TYPE jsonb USING streaming_links_of_names(streaming);
ALTER TABLE title ALTER COLUMN streaming SET DEFAULT '[]';
ALTER TABLE title ADD CONSTRAINT title_streaming_is_array CHECK (jsonb_typeof(streaming) = 'array');

-- The services a title links to, for `streaming=` (any of): a GIN index answers `&&`, as for studio_keys.
CREATE FUNCTION streaming_services(links jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT coalesce(array_agg(l ->> 'service'), '{}') FROM jsonb_array_elements(links) AS l);

ALTER TABLE title ADD COLUMN streaming_services text[] GENERATED ALWAYS AS (streaming_services(streaming)) STORED;
CREATE INDEX title_streaming_services_idx ON title USING gin (streaming_services);

ALTER TABLE title ADD COLUMN franchise text CHECK (franchise ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
