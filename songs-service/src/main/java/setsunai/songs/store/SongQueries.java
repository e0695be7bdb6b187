package setsunai.songs.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import setsunai.common.sql.SqlQuery;
import setsunai.songs.api.ArtistRole;
import setsunai.common.vocabulary.UsageRole;

/**
 * The songs' native SQL, without entities: search, the reads (songs with their credits and usages) and the import's
 * set-based writes. Both read and write a page or chunk of songs with a few statements, whatever its size.
 */
@ApplicationScoped
public class SongQueries {

    /** A song as the API shows it: its columns, credits (in billing order) and usages. */
    public record Row(long id, String slug, String title, String nativeTitle, Integer year, String single,
                      List<String> moods, String description, long version, List<Credit> credits, List<Usage> usages) {
    }

    public record Credit(String name, String slug, ArtistRole role) {
    }

    public record Usage(String titleSlug, String titleName, UsageRole role, Integer sequence, String episodes,
                        String note) {
    }

    /** One page of rows, in order, and the number of matches. */
    public record Matches(List<Row> rows, long total) {
    }

    // Reads build the API's songs from plain rows: the songs, then the credits and the usages of all of them at once,
    // instead of loading and dirty-checking an entity graph.
    private static final String SONG_COLUMNS = "SELECT s.id, s.slug, s.title, s.native_title, s.year, s.single, "
            + "s.moods, s.description, s.version";

    @Inject
    DataSource dataSource;

    public Optional<Row> findBySlug(String slug) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SONG_COLUMNS + " FROM song s WHERE s.slug = ?")) {
            statement.setString(1, slug);
            List<Row> rows = rows(connection, statement);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Filters and orders songs in SQL written out by hand: ranking by full-text and trigram similarity, and array
     * parameters, are clearer here than in HQL. Every filter is an indexed condition (see V2__search.sql).
     */
    public Matches search(SongCriteria criteria, int offset, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            SqlQuery where = new SqlQuery(" WHERE true");
            String key = null;
            if (criteria.q() != null) {
                key = searchKey(connection, criteria.q());
                where.append(" AND (s.search_vector @@ plainto_tsquery('simple', ?) OR ? <% s.search_norm"
                        + " OR s.search_norm LIKE ?)", key, key, "%" + escapeLike(key) + "%");
            }
            if (criteria.artist() != null) {
                where.append(" AND EXISTS (SELECT 1 FROM song_artist sa JOIN artist a ON a.id = sa.artist_id"
                        + " WHERE sa.song_id = s.id AND a.slug = ?)", criteria.artist());
            }
            if (!criteria.moods().isEmpty()) {
                where.append(" AND s.moods && ?", (Object) criteria.moods().stream().map(Enum::name).toArray(String[]::new));
            }
            if (!criteria.titles().isEmpty() || criteria.role() != null) {
                // One usage must match both: the batch call asks for the songs of these titles (in this role).
                where.append(" AND EXISTS (SELECT 1 FROM song_usage u WHERE u.song_id = s.id");
                if (!criteria.titles().isEmpty()) {
                    where.append(" AND u.title_slug = ANY (?)", (Object) criteria.titles().toArray(String[]::new));
                }
                if (criteria.role() != null) {
                    where.append(" AND u.role = ?", criteria.role().name());
                }
                where.append(")");
            }
            if (criteria.yearFrom() != null) {
                where.append(" AND s.year >= ?", criteria.yearFrom());
            }
            if (criteria.yearTo() != null) {
                where.append(" AND s.year <= ?", criteria.yearTo());
            }

            SqlQuery page = new SqlQuery(SONG_COLUMNS + " FROM song s").append(where).append(orderBy(criteria, key))
                    .append(" LIMIT ? OFFSET ?", limit, offset);
            List<Row> rows;
            try (PreparedStatement statement = page.prepare(connection)) {
                rows = rows(connection, statement);
            }
            // A page that is not full is the last one, so it tells the total: the batch lookup (up to 100 titles'
            // songs on one page) needs no count.
            if (rows.size() < limit && (offset == 0 || !rows.isEmpty())) {
                return new Matches(rows, offset + rows.size());
            }
            SqlQuery count = new SqlQuery("SELECT count(*) FROM song s").append(where);
            try (PreparedStatement statement = count.prepare(connection); ResultSet total = statement.executeQuery()) {
                total.next();
                return new Matches(rows, total.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SqlQuery orderBy(SongCriteria criteria, String key) {
        String dir = criteria.descending() ? " DESC" : " ASC";
        SongSort sort = criteria.sort();
        if (sort == SongSort.RELEVANCE && key != null) {
            // Full-text rank + how well the words match (typos included) + a bonus for an exact (native) title.
            return new SqlQuery(" ORDER BY (ts_rank(s.search_vector, plainto_tsquery('simple', ?))"
                    + " + word_similarity(?, s.search_norm)"
                    + " + CASE WHEN search_key(s.title) = ? OR search_key(s.native_title) = ? THEN 1 ELSE 0 END)"
                    + (criteria.descending() ? " ASC" : " DESC") + ", lower(s.title), s.id", key, key, key, key);
        }
        if (sort == SongSort.YEAR) {
            return new SqlQuery(" ORDER BY s.year" + dir + " NULLS LAST, lower(s.title)" + dir + ", s.id" + dir);
        }
        return new SqlQuery(" ORDER BY lower(s.title)" + dir + ", s.id" + dir);
    }

    /** The search text as the index stores it: lower case, without accents (same SQL function, same result). */
    private static String searchKey(Connection connection, String text) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT search_key(?)")) {
            statement.setString(1, text);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The songs a statement selects (SONG_COLUMNS), in its order, with their credits and usages. */
    private static List<Row> rows(Connection connection, PreparedStatement statement) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getObject(5, Integer.class), r.getString(6), Arrays.asList((String[]) r.getArray(7).getArray()),
                        r.getString(8), r.getLong(9), new ArrayList<>(), new ArrayList<>()));
            }
        }
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Row> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        Array ids = connection.createArrayOf("bigint", byId.keySet().toArray());
        try (PreparedStatement credits = connection.prepareStatement("""
                SELECT sa.song_id, a.name, a.slug, sa.role FROM song_artist sa JOIN artist a ON a.id = sa.artist_id
                WHERE sa.song_id = ANY (?) ORDER BY sa.song_id, sa.position, sa.id""")) {
            credits.setArray(1, ids);
            try (ResultSet r = credits.executeQuery()) {
                while (r.next()) {
                    byId.get(r.getLong(1)).credits().add(new Credit(r.getString(2), r.getString(3),
                            ArtistRole.valueOf(r.getString(4))));
                }
            }
        }
        try (PreparedStatement usages = connection.prepareStatement("""
                SELECT u.song_id, u.title_slug, u.title_name, u.role, u.sequence, u.episodes, u.note FROM song_usage u
                WHERE u.song_id = ANY (?) ORDER BY u.song_id, u.position, u.id""")) {
            usages.setArray(1, ids);
            try (ResultSet r = usages.executeQuery()) {
                while (r.next()) {
                    byId.get(r.getLong(1)).usages().add(new Usage(r.getString(2), r.getString(3),
                            UsageRole.valueOf(r.getString(4)), r.getObject(5, Integer.class), r.getString(6),
                            r.getString(7)));
                }
            }
        }
        return rows;
    }

    // ---- Import: every statement takes the chunk's connection, so the whole chunk is one transaction --------------

    /**
     * Makes the writes that may create these slugs take turns until the transaction ends, whether the songs exist or
     * not (a row lock needs a row): transaction-scoped advisory locks on the slugs, taken in key order so two
     * writers never wait for each other in a circle. Concurrent imports or POSTs of one new slug then run one after
     * the other instead of failing on the unique constraint.
     */
    public void lockSlugs(Connection connection, Collection<String> slugs) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pg_advisory_xact_lock(hashtext('songs.song'), k)
                FROM (SELECT DISTINCT hashtext(s) AS k FROM unnest(?::text[]) AS s ORDER BY 1) AS keys""")) {
            statement.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            statement.execute();
        }
    }

    /** The stored songs of these slugs, row-locked until the transaction ends (in slug order: no deadlocks). */
    public Map<String, Row> lockBySlugs(Connection connection, Collection<String> slugs) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SONG_COLUMNS
                + " FROM song s WHERE s.slug = ANY (?) ORDER BY s.slug FOR UPDATE")) {
            statement.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            Map<String, Row> bySlug = new LinkedHashMap<>();
            for (Row row : rows(connection, statement)) {
                bySlug.put(row.slug(), row);
            }
            return bySlug;
        }
    }

    /** Names of the existing artists among these slugs. */
    public Map<String, String> artistNames(Connection connection, Collection<String> slugs) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT slug, name FROM artist WHERE slug = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            Map<String, String> names = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString(1), rows.getString(2));
                }
            }
            return names;
        }
    }

    /**
     * Creates the artists that do not exist yet. An artist another import creates at the same moment is not an
     * error: ON CONFLICT waits for that insert to commit, then does nothing (an existing artist keeps its name).
     * Inserted in slug order, so two imports never wait for each other in a circle.
     */
    public void createArtists(Connection connection, Map<String, String> namesBySlug) throws SQLException {
        if (namesBySlug.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO artist (slug, name)
                SELECT slug, name FROM unnest(?::text[], ?::text[]) AS a (slug, name) ORDER BY slug
                ON CONFLICT (slug) DO NOTHING""")) {
            statement.setArray(1, connection.createArrayOf("text", namesBySlug.keySet().toArray()));
            statement.setArray(2, connection.createArrayOf("text", namesBySlug.values().toArray()));
            statement.executeUpdate();
        }
    }

    // The JSON arrays below hold songs in the API's shape (SongView): slug, title, nativeTitle, artists, year,
    // single, moods, description, usages, version.
    private static final String SONG_RECORDS = """
            jsonb_to_recordset(?::jsonb) AS x (slug text, title text, "nativeTitle" text, year integer, single text,
                moods text[], description text, version bigint)""";

    /** Inserts new songs (slug order); a slug another write created meanwhile fails the statement. */
    private static final String INSERT_SONGS = "INSERT INTO song (slug, title, native_title, year, single, moods, "
            + "description, version) SELECT x.slug, x.title, x.\"nativeTitle\", x.year, x.single, x.moods, "
            + "x.description, x.version FROM " + SONG_RECORDS + " ORDER BY x.slug";

    private static final String UPDATE_SONGS = "UPDATE song SET title = x.title, native_title = x.\"nativeTitle\", "
            + "year = x.year, single = x.single, moods = x.moods, description = x.description, version = x.version, "
            + "updated_at = now() FROM " + SONG_RECORDS + " WHERE song.slug = x.slug";

    private static final String WRITTEN = "SELECT s FROM jsonb_array_elements(?::jsonb || ?::jsonb) AS s";

    private static final String CLEAR_CREDITS = "DELETE FROM song_artist WHERE song_id IN (SELECT song.id FROM song "
            + "JOIN (" + WRITTEN + ") w ON song.slug = w.s->>'slug')";

    private static final String INSERT_CREDITS = "INSERT INTO song_artist (song_id, artist_id, role, position) "
            + "SELECT song.id, artist.id, a.value->>'role', a.ordinality FROM (" + WRITTEN + ") w "
            + "JOIN song ON song.slug = w.s->>'slug' "
            + "CROSS JOIN LATERAL jsonb_array_elements(w.s->'artists') WITH ORDINALITY AS a (value, ordinality) "
            + "JOIN artist ON artist.slug = a.value->>'slug'";

    private static final String CLEAR_USAGES = "DELETE FROM song_usage WHERE song_id IN (SELECT song.id FROM song "
            + "JOIN (" + WRITTEN + ") w ON song.slug = w.s->>'slug')";

    private static final String INSERT_USAGES = "INSERT INTO song_usage (song_id, title_slug, title_name, role, "
            + "sequence, episodes, note, position) "
            + "SELECT song.id, u.value->>'titleSlug', u.value->>'titleName', u.value->>'role', "
            + "(u.value->>'sequence')::integer, u.value->>'episodes', u.value->>'note', u.ordinality "
            + "FROM (" + WRITTEN + ") w JOIN song ON song.slug = w.s->>'slug' "
            + "CROSS JOIN LATERAL jsonb_array_elements(coalesce(w.s->'usages', '[]')) WITH ORDINALITY AS u (value, ordinality)";

    // After the credits: the search text holds the artists' names (see V2__search.sql). Rewritten only where it
    // changes, as each rewrite updates the GIN indexes.
    private static final String REFRESH_SEARCH_TEXT = "UPDATE song SET search_text = coalesce(song_search_text(song.id), '') "
            + "WHERE song.slug IN (SELECT w.s->>'slug' FROM (" + WRITTEN + ") w) "
            + "AND song.search_text IS DISTINCT FROM coalesce(song_search_text(song.id), '')";

    /**
     * Writes whole songs: inserts {@code created}, updates {@code updated} (whose rows the caller has locked),
     * replaces both's credits and usages, and refreshes their search text.
     *
     * @param created JSON array of new songs, each with its version
     * @param updated JSON array of changed songs, each with its new version
     */
    public void writeSongs(Connection connection, String created, String updated) throws SQLException {
        update(connection, INSERT_SONGS, created);
        update(connection, UPDATE_SONGS, updated);
        for (String sql : new String[] {CLEAR_CREDITS, INSERT_CREDITS, CLEAR_USAGES, INSERT_USAGES, REFRESH_SEARCH_TEXT}) {
            update(connection, sql, created, updated);
        }
    }

    private static void update(Connection connection, String sql, String... json) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < json.length; i++) {
                statement.setString(i + 1, json[i]);
            }
            statement.executeUpdate();
        }
    }
}
