-- Similar titles and the gateway's mood candidates at 100,000 titles (README, "EXPLAIN ANALYZE on 100,000 titles").

-- Similar titles: about 70% of all titles share a theme with any given one, and scoring them from the wide title
-- rows (synopsis, search vectors: ~20,000 pages) cost 0.4-0.8 s. What the score needs fits in one narrow row per
-- title, tags as a 64-bit mask, so a pass over every title is cheap; CatalogQueries.similar bounds each row's score
-- from that mask and fully scores only the few that can reach the page.

-- Every tag that titles use: its bit in title_facet.tag_mask and how many titles carry it (the IDF weights, exact
-- without counting the catalogue on each request). Bits are given out on first use, so at most 64 distinct tags.
CREATE TABLE tag_stat (
    tag    text PRIMARY KEY,
    bit    smallint NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 63),
    titles integer  NOT NULL CHECK (titles >= 0)
);

-- One narrow row per title with what the similarity score reads.
CREATE TABLE title_facet (
    title_id  bigint   PRIMARY KEY REFERENCES title (id) ON DELETE CASCADE,
    tag_mask  bigint   NOT NULL,
    tag_count integer  NOT NULL,
    ending    text     NOT NULL,
    format    text     NOT NULL
);

INSERT INTO tag_stat (tag, bit, titles)
SELECT tag, row_number() OVER (ORDER BY tag) - 1, count(*)
FROM title, unnest(tags) AS tag
GROUP BY tag;

-- The mask of these tags (a tag without a bit yet is left out; tag_stat_add gives it one first).
CREATE FUNCTION tag_mask(tags text[]) RETURNS bigint
    LANGUAGE sql STABLE
    RETURN (SELECT coalesce(bit_or(1::bigint << s.bit), 0) FROM tag_stat s WHERE s.tag = ANY (tags));

INSERT INTO title_facet (title_id, tag_mask, tag_count, ending, format)
SELECT id, tag_mask(tags), cardinality(tags), ending, format FROM title;

-- Adds deltas to tag counts, in tag order (the caller sorts) so that concurrent writers lock the rows in one order.
CREATE FUNCTION tag_stat_add(tags text[], deltas bigint[]) RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    free_bit smallint;
BEGIN
    FOR i IN 1 .. coalesce(cardinality(tags), 0) LOOP
        UPDATE tag_stat s SET titles = s.titles + deltas[i] WHERE s.tag = tags[i];
        IF NOT FOUND THEN
            -- A tag no title had before gets the lowest free bit. Rare, so one writer at a time is fine; the lock
            -- waits for a concurrent writer that may have added the same tag, hence the second try.
            LOCK TABLE tag_stat IN SHARE ROW EXCLUSIVE MODE;
            UPDATE tag_stat s SET titles = s.titles + deltas[i] WHERE s.tag = tags[i];
            IF NOT FOUND THEN
                SELECT min(b) INTO free_bit FROM generate_series(0, 63) AS b
                WHERE b NOT IN (SELECT s.bit FROM tag_stat s);
                IF free_bit IS NULL THEN
                    RAISE EXCEPTION 'tag %: titles may use at most 64 distinct tags (title_facet.tag_mask)', tags[i];
                END IF;
                INSERT INTO tag_stat (tag, bit, titles) VALUES (tags[i], free_bit, deltas[i]);
            END IF;
        END IF;
    END LOOP;
END
$$;

-- Keeps both tables in step with every write to title (API, import, dataset migration, plain SQL). Once per
-- statement, not per row: a statement writing thousands of titles updates each tag count once (per row, every
-- update of the same count row within one transaction grows a chain the next one has to walk: quadratic).
CREATE FUNCTION title_facet_sync() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    tags text[];
    deltas bigint[];
BEGIN
    -- How many titles gained (+) or lost (-) each tag in this statement.
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(d.tag ORDER BY d.tag), array_agg(d.n ORDER BY d.tag) INTO tags, deltas
        FROM (SELECT u.tag, count(*) AS n FROM new_rows r, unnest(r.tags) AS u(tag) GROUP BY u.tag) AS d;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(d.tag ORDER BY d.tag), array_agg(d.n ORDER BY d.tag) INTO tags, deltas
        FROM (SELECT u.tag, -count(*) AS n FROM old_rows r, unnest(r.tags) AS u(tag) GROUP BY u.tag) AS d;
    ELSE
        SELECT array_agg(d.tag ORDER BY d.tag), array_agg(d.n ORDER BY d.tag) INTO tags, deltas
        FROM (SELECT u.tag, sum(u.n) AS n
              FROM (SELECT unnest(r.tags) AS tag, 1 AS n FROM new_rows r
                    UNION ALL
                    SELECT unnest(r.tags), -1 FROM old_rows r) AS u
              GROUP BY u.tag HAVING sum(u.n) <> 0) AS d;
    END IF;
    PERFORM tag_stat_add(tags, deltas);
    IF TG_OP <> 'DELETE' THEN -- a deleted title's facet row goes with it (foreign key)
        INSERT INTO title_facet (title_id, tag_mask, tag_count, ending, format)
        SELECT r.id, tag_mask(r.tags), cardinality(r.tags), r.ending, r.format FROM new_rows r
        ON CONFLICT (title_id) DO UPDATE
            SET tag_mask = EXCLUDED.tag_mask, tag_count = EXCLUDED.tag_count, ending = EXCLUDED.ending,
                format = EXCLUDED.format
            WHERE (title_facet.tag_mask, title_facet.tag_count, title_facet.ending, title_facet.format)
                  IS DISTINCT FROM (EXCLUDED.tag_mask, EXCLUDED.tag_count, EXCLUDED.ending, EXCLUDED.format);
    END IF;
    RETURN NULL;
END
$$;

-- Transition tables need one trigger per event.
CREATE TRIGGER title_facet_insert AFTER INSERT ON title REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION title_facet_sync();
CREATE TRIGGER title_facet_update AFTER UPDATE ON title REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION title_facet_sync();
CREATE TRIGGER title_facet_delete AFTER DELETE ON title REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION title_facet_sync();

-- Mood candidates (anyTag=...&sort=-tearjerker&size=100): the search orders by tearjerker DESC, lower(title), slug.
-- title_tearjerker_idx (tearjerker, slug) gives only the first key, so the planner sorted every title of the top
-- score that matched; walking this index it stops after one page.
CREATE INDEX title_tearjerker_desc_title_idx ON title (tearjerker DESC, lower(title), slug);
