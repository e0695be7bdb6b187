-- Lookup by provider id (GET /api/titles?id=mal:23273, issue 14 item 4): a title's externalIds as the keys a client
-- asks for, `provider:number`, in one GIN index, so a batch of up to 100 ids is one bitmap scan (`&&`) instead of a
-- pass over every title's jsonb. An expression index, not a generated column: no rewrite of the table.
--
-- The keys are normalised the way the API normalises what it is asked (store.SearchTitles, rest.TitleIds): provider
-- lower-cased, the id without leading zeros, numbers and digit strings alike ({"mal": 23273} and {"mal": "023273"}
-- are both mal:23273). Values that are not digits (objects, arrays, URLs) name nothing here and are left out.
CREATE FUNCTION external_id_keys(ids jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT coalesce(array_agg(lower(e.key) || ':' || coalesce(nullif(ltrim(e.value, '0'), ''), '0')
                                      ORDER BY lower(e.key)), '{}')
            FROM jsonb_each_text(CASE WHEN jsonb_typeof(ids) = 'object' THEN ids ELSE '{}'::jsonb END) AS e
            WHERE e.value ~ '^[0-9]{1,18}$');

CREATE INDEX title_external_id_keys_idx ON title USING gin (external_id_keys(external_ids));
