package setsunai.catalog.store;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import setsunai.catalog.api.TitleSearch;
import setsunai.catalog.api.TitleSort;
import setsunai.common.sql.SqlQuery;

/**
 * Title search: full-text and fuzzy matching with filters, sorts and cached totals. PostgreSQL does the filtering,
 * ranking, counting and paging; only one page of ids comes back.
 */
@ApplicationScoped
public class SearchTitles {

    /** A page of ids in order, and how many rows matched in all. */
    public record IdPage(List<Long> ids, long total) {
    }

    /** How `q` selects titles: not at all, by its words (full text), or by trigram similarity to the titles. */
    private enum Match {
        NONE, WORDS, FUZZY
    }

    private static final String WORDS = "websearch_to_tsquery('english', search_key(?))";
    /** The prefix of a title id that is a slug (slug:anohana); every other id is provider:number. */
    public static final String SLUG_ID = "slug:";

    @Inject
    DataSource dataSource;

    /**
     * Totals of recent searches, reused for as long as a client may reuse the whole answer anyway (Cache-Control
     * max-age, 30 s; quarkus.cache.caffeine."search-totals" in application.properties) and dropped on every write
     * (TitleEditor). Counting a word in half the catalogue costs most of a microsecond per match even from the index
     * alone, and such words are the most asked for; the page itself is always fresh.
     */
    @Inject
    @CacheName("search-totals")
    Cache totals;

    private record CountKey(Match match, TitleSearch criteria) {
    }

    /**
     * A page of ids and the total. With q, the words decide (full text); only when they match nothing at all does
     * the search fall back to typo-tolerant matching of the titles, so common words never pay for trigrams.
     */
    public IdPage search(TitleSearch criteria, int limit, long offset) {
        try (Connection connection = dataSource.getConnection()) {
            if (criteria.q() == null) {
                return page(connection, criteria, Match.NONE, limit, offset);
            }
            IdPage words = page(connection, criteria, Match.WORDS, limit, offset);
            return words.total() > 0 ? words : page(connection, criteria, Match.FUZZY, limit, offset);
        } catch (SQLException e) {
            throw new IllegalStateException("Title search failed: " + e.getMessage(), e);
        }
    }

    private IdPage page(Connection connection, TitleSearch criteria, Match match, int limit, long offset)
            throws SQLException {
        boolean byRelevance = match != Match.NONE && criteria.sort() == TitleSort.RELEVANCE;
        SqlQuery query = byRelevance && match == Match.WORDS
                ? tiers(criteria, limit + offset)
                : new SqlQuery("SELECT t.id FROM title t").append(where(criteria, match)).append(order(criteria, match));
        query.append(" LIMIT ? OFFSET ?", limit, offset);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, query); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        // The total is a separate count(*): one that rode along with the page (count(*) OVER ()) would read every
        // match even when the page itself stops after 20. A remembered total can be a little old: never report fewer
        // titles than this page has seen.
        long total = offset == 0 && ids.size() < limit ? ids.size()
                : Math.max(count(connection, criteria, match), ids.isEmpty() ? 0 : offset + ids.size());
        return new IdPage(ids, total);
    }

    /**
     * Relevance by tiers, best first: (1) the English title is the query (title_key: case, accents and punctuation
     * aside); (2) one of the names (English, native, alternative) holds all the words; (3) the other full-text
     * matches (the synopsis). Within a tier by title, then slug. A tier never ranks all its matches: for a word in
     * half the catalogue the planner walks the title index and stops after a page, for a rare word it sorts the few
     * matches; a later tier runs only when the earlier ones did not fill the page. -relevance reverses it all.
     */
    private SqlQuery tiers(TitleSearch c, long needed) {
        String direction = c.descending() ? " DESC" : " ASC";
        String byTitle = " ORDER BY lower(t.title)" + direction + ", t.slug" + direction;
        String notExact = " AND t.title_key <> title_key(?)";
        // Exact titles from title_key_idx, the rest checked on those few rows: as IS TRUE the conditions are no index
        // condition, which keeps the planner from ANDing in a GIN scan of every match of the words.
        SqlQuery exact = new SqlQuery("(SELECT t.id FROM title t WHERE t.title_key = title_key(?) AND (", c.q())
                .append(conditions(c, Match.WORDS)).append(") IS TRUE" + byTitle + " LIMIT ?)", needed);
        // names_vector is the names part of search_vector, with the same positions, so a names match is a full match
        // unless the query excludes a word (websearch "-word": a ! in the tsquery); only then is search_vector checked
        // too. For other queries the planner folds that test away and estimates the tier from names_vector alone,
        // instead of multiplying two @@ as if they were independent (which made it sort thousands of matches).
        SqlQuery inName = new SqlQuery("(SELECT t.id FROM title t WHERE t.names_vector @@ " + WORDS
                + " AND (strpos(" + WORDS + "::text, '!') = 0 OR t.search_vector @@ " + WORDS + ")", c.q(), c.q(), c.q())
                .append(filters(c)).append(notExact + byTitle + " LIMIT ?)", c.q(), needed);
        SqlQuery elsewhere = new SqlQuery("(SELECT t.id FROM title t").append(where(c, Match.WORDS))
                .append(" AND NOT t.names_vector @@ " + WORDS, c.q()).append(notExact + byTitle + " LIMIT ?)", c.q(), needed);
        List<SqlQuery> tiers = c.descending() ? List.of(elsewhere, inName, exact) : List.of(exact, inName, elsewhere);
        // UNION ALL (an Append) returns its branches in order and stops pulling once the LIMIT is reached.
        return new SqlQuery("SELECT id FROM (").append(tiers.get(0)).append(" UNION ALL ").append(tiers.get(1))
                .append(" UNION ALL ").append(tiers.get(2)).append(") AS ranked");
    }

    private static SqlQuery order(TitleSearch c, Match match) {
        String direction = c.descending() ? " DESC" : " ASC";
        SqlQuery order = new SqlQuery(" ORDER BY ");
        if (match == Match.FUZZY && c.sort() == TitleSort.RELEVANCE) {
            // Closest to one of the titles first (few rows: the words matched nothing).
            order.append("extensions.word_similarity(search_key(?), short_names(t.title, t.native_title))"
                    + (c.descending() ? " ASC" : " DESC") + ", ", c.q());
        } else if (c.sort() == TitleSort.YEAR) {
            order.append("t.year" + direction + " NULLS LAST, ");
        } else if (c.sort() == TitleSort.TEARJERKER) {
            order.append("t.tearjerker" + direction + ", ");
        }
        String titleDirection = c.sort() == TitleSort.TITLE || c.sort() == TitleSort.RELEVANCE && match == Match.NONE
                ? direction : " ASC";
        return order.append("lower(t.title)" + titleDirection + ", t.slug" + titleDirection);
    }

    private long count(Connection connection, TitleSearch criteria, Match match) {
        // The order does not change a total.
        CountKey key = new CountKey(match, new TitleSearch(criteria.q(), criteria.formats(), criteria.tags(),
                criteria.anyTags(), criteria.excludeTags(), criteria.endings(), criteria.studio(), criteria.streaming(),
                criteria.yearFrom(), criteria.yearTo(), criteria.minTearjerker(), criteria.slugs(), criteria.ids(),
                TitleSort.TITLE, false));
        return totals.get(key, k -> countNow(connection, criteria, match)).await().indefinitely();
    }

    private long countNow(Connection connection, TitleSearch criteria, Match match) {
        // A bitmap count(*) skips the heap pages marked all-visible, which the planner does not credit: for a word in
        // half the titles it would scan the whole table instead (12 times the CPU). SET LOCAL lasts until the end of
        // a transaction, and reads run in auto-commit (TitleService): so the count gets a short one of its own,
        // which ends the setting with it and leaves the pooled connection as it was.
        SqlQuery query = new SqlQuery("SELECT count(*) FROM title t").append(where(criteria, match));
        try {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try (Statement hint = connection.createStatement()) {
                hint.execute("SET LOCAL enable_seqscan = off");
                try (PreparedStatement statement = prepare(connection, query); ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } finally {
                if (ownTransaction) {
                    connection.rollback(); // it only read
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting titles failed: " + e.getMessage(), e);
        }
    }

    /**
     * Always planned with the actual values: a generic plan, which the driver and server switch to after a few
     * executions of the same text, cannot tell a word in half the titles from a rare one and picks one access path
     * for both.
     */
    private static PreparedStatement prepare(Connection connection, SqlQuery query) throws SQLException {
        PreparedStatement statement = query.prepare(connection);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    private static SqlQuery where(TitleSearch c, Match match) {
        return new SqlQuery(" WHERE ").append(conditions(c, match));
    }

    private static SqlQuery conditions(TitleSearch c, Match match) {
        SqlQuery query = new SqlQuery("TRUE");
        if (match == Match.WORDS) {
            // Stemmed, accent-free words over every name and the synopsis.
            query.append(" AND t.search_vector @@ " + WORDS, c.q());
        } else if (match == Match.FUZZY) {
            // Close to the English or native title despite typos (word similarity above
            // pg_trgm.word_similarity_threshold, 0.6; trigram GIN).
            query.append(" AND search_key(?) OPERATOR(extensions.<%) short_names(t.title, t.native_title)", c.q());
        }
        return query.append(filters(c));
    }

    /**
     * Which of the ids (normalised, as in {@link TitleSearch#ids()}) name at least one title, whatever the other
     * criteria: slugs through the slug's unique index, provider ids through V7's GIN index on external_id_keys().
     */
    public Set<String> knownIds(List<String> ids) {
        List<String> slugs = slugsOf(ids);
        List<String> providerIds = providerIdsOf(ids);
        SqlQuery query = new SqlQuery("SELECT 'slug:' || t.slug FROM title t WHERE t.slug = ANY(?)", slugs)
                .append(" UNION SELECT k FROM title t CROSS JOIN LATERAL unnest(external_id_keys(t.external_ids)) AS k"
                        + " WHERE external_id_keys(t.external_ids) && ? AND k = ANY(?)", providerIds, providerIds);
        Set<String> known = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                known.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Title id lookup failed: " + e.getMessage(), e);
        }
        return known;
    }

    /**
     * Titles named by any of the ids. Provider ids are first turned into row ids, through the two indexes, by a
     * subquery the planner runs once (an InitPlan): asked directly, it estimates {@code &&} on the GIN index at 2.5 %
     * of the titles for five ids (it has no statistics for keys that each name one title) and, with the page's ORDER BY
     * and LIMIT, walks the title index calling external_id_keys() on every row — 2-4 s at 100,000 titles. As
     * {@code id = ANY(ARRAY(...))} it plans a handful of primary-key lookups, whatever the values.
     */
    static SqlQuery idCondition(List<String> ids) {
        List<String> slugs = slugsOf(ids);
        List<String> providerIds = providerIdsOf(ids);
        if (providerIds.isEmpty()) {
            return new SqlQuery(" AND t.slug = ANY(?)", slugs);
        }
        return new SqlQuery(" AND t.id = ANY(ARRAY(SELECT n.id FROM title n WHERE n.slug = ANY(?)"
                + " UNION SELECT n.id FROM title n WHERE external_id_keys(n.external_ids) && ?))", slugs, providerIds);
    }

    private static List<String> slugsOf(List<String> ids) {
        return ids.stream().filter(id -> id.startsWith(SLUG_ID)).map(id -> id.substring(SLUG_ID.length())).toList();
    }

    private static List<String> providerIdsOf(List<String> ids) {
        return ids.stream().filter(id -> !id.startsWith(SLUG_ID)).toList();
    }

    private static SqlQuery filters(TitleSearch c) {
        SqlQuery query = new SqlQuery();
        if (!c.slugs().isEmpty()) {
            query.append(" AND t.slug = ANY(?)", c.slugs());
        }
        if (!c.ids().isEmpty()) {
            query.append(idCondition(c.ids()));
        }
        // Tags, format and ending through the facets array, so that with q they are one GIN index scan
        // (title_search_idx) and count(*) needs nothing from the heap.
        if (!c.tags().isEmpty()) {
            query.append(" AND t.facets @> ?", c.tags());
        }
        if (!c.formats().isEmpty()) {
            query.append(" AND t.facets && ?", c.formats().stream().map(f -> "format:" + f.name()).toList());
        }
        if (!c.endings().isEmpty()) {
            query.append(" AND t.facets && ?", c.endings().stream().map(e -> "ending:" + e.name()).toList());
        }
        if (!c.anyTags().isEmpty()) {
            query.append(" AND t.tags && ?", c.anyTags());
        }
        if (!c.excludeTags().isEmpty()) {
            query.append(" AND NOT (t.tags && ?)", c.excludeTags());
        }
        if (c.studio() != null) {
            query.append(" AND t.studio_keys @> ARRAY[search_key(?)]", c.studio());
        }
        if (!c.streaming().isEmpty()) {
            // Any of the services (V6: generated from the links, GIN-indexed).
            query.append(" AND t.streaming_services && ?", c.streaming());
        }
        if (c.yearFrom() != null) {
            query.append(" AND t.year >= ?", c.yearFrom());
        }
        if (c.yearTo() != null) {
            query.append(" AND t.year <= ?", c.yearTo());
        }
        if (c.minTearjerker() != null) {
            query.append(" AND t.tearjerker >= ?", c.minTearjerker());
        }
        return query;
    }
}
