package setsunai.songs.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import setsunai.common.sql.SqlQuery;
import setsunai.common.vocabulary.SongMood;
import setsunai.common.vocabulary.UsageRole;
import setsunai.common.web.ImportReport.Outcome;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;
import setsunai.songs.api.ArtistRole;
import setsunai.songs.api.SongInput;
import setsunai.songs.api.SongSearch;
import setsunai.songs.api.SongSort;
import setsunai.songs.api.SongView;

/**
 * Songs with their credits and usages in PostgreSQL: the one read path (a statement for the songs, then one for all
 * their credits and one for all their usages, mapped once to {@link SongView}) and the one write path
 * ({@link #upsert}: a handful of set-based statements per batch, whatever its size), used alike by the REST API,
 * the NDJSON import and the dataset loader. Writes take the caller's JDBC connection, so they run in its
 * transaction: the API's and the import's (Agroal enlists it) or Flyway's.
 */
@ApplicationScoped
public class SongStore {

    private static final String SONG_COLUMNS = "SELECT s.id, s.slug, s.title, s.native_title, s.year, s.single, "
            + "s.moods, s.description, s.version, s.alternative_titles, s.external_ids";

    /** Serialises a batch for the jsonb statements; plain defaults, the same in the app and in Flyway. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    // ---- Reads: one connection each, no transaction (see SongService) ---------------------------------------------

    public Optional<SongView> find(String slug) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SONG_COLUMNS + " FROM song s WHERE s.slug = ?")) {
            statement.setString(1, slug);
            return rows(connection, statement).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the dataset is loaded (readiness). */
    public boolean hasSongs() {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT EXISTS (SELECT 1 FROM song)")) {
            row.next();
            return row.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Filters and orders songs in SQL written out by hand: ranking by full-text and trigram similarity, and array
     * parameters, are clearer here than in HQL. Every filter is an indexed condition (see V2__search.sql).
     */
    public Page<SongView> search(SongSearch search, PageRequest page) {
        try (Connection connection = dataSource.getConnection()) {
            SqlQuery where = new SqlQuery(" WHERE true");
            String key = null;
            if (search.q() != null) {
                key = searchKey(connection, search.q());
                where.append(" AND (s.search_vector @@ plainto_tsquery('simple', ?) OR ? <% s.search_norm"
                        + " OR s.search_norm LIKE ?)", key, key, "%" + escapeLike(key) + "%");
            }
            if (search.artist() != null) {
                where.append(" AND EXISTS (SELECT 1 FROM song_artist sa JOIN artist a ON a.id = sa.artist_id"
                        + " WHERE sa.song_id = s.id AND a.slug = ?)", search.artist());
            }
            if (!search.moods().isEmpty()) {
                where.append(" AND s.moods && ?", (Object) search.moods().stream().map(Enum::name).toArray(String[]::new));
            }
            if (!search.titles().isEmpty() || search.role() != null) {
                // One usage must match both: the batch call asks for the songs of these titles (in this role).
                where.append(" AND EXISTS (SELECT 1 FROM song_usage u WHERE u.song_id = s.id");
                if (!search.titles().isEmpty()) {
                    where.append(" AND u.title_slug = ANY (?)", (Object) search.titles().toArray(String[]::new));
                }
                if (search.role() != null) {
                    where.append(" AND u.role = ?", search.role().name());
                }
                where.append(")");
            }
            if (search.yearFrom() != null) {
                where.append(" AND s.year >= ?", search.yearFrom());
            }
            if (search.yearTo() != null) {
                where.append(" AND s.year <= ?", search.yearTo());
            }

            int offset = page.offset();
            int limit = page.size();
            SqlQuery select = new SqlQuery(SONG_COLUMNS + " FROM song s").append(where).append(orderBy(search, key))
                    .append(" LIMIT ? OFFSET ?", limit, offset);
            List<SongView> songs;
            try (PreparedStatement statement = select.prepare(connection)) {
                songs = rows(connection, statement);
            }
            // A page that is not full is the last one, so it tells the total: the batch lookup (up to 100 titles'
            // songs on one page) needs no count.
            if (songs.size() < limit && (offset == 0 || !songs.isEmpty())) {
                return Page.of(songs, page, offset + songs.size());
            }
            SqlQuery count = new SqlQuery("SELECT count(*) FROM song s").append(where);
            try (PreparedStatement statement = count.prepare(connection); ResultSet total = statement.executeQuery()) {
                total.next();
                return Page.of(songs, page, total.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SqlQuery orderBy(SongSearch search, String key) {
        String dir = search.descending() ? " DESC" : " ASC";
        SongSort sort = search.sort();
        if (sort == SongSort.RELEVANCE && key != null) {
            // Full-text rank + how well the words match (typos included) + a bonus for an exact (native or
            // alternative) title.
            return new SqlQuery(" ORDER BY (ts_rank(s.search_vector, plainto_tsquery('simple', ?))"
                    + " + word_similarity(?, s.search_norm)"
                    + " + CASE WHEN search_key(s.title) = ? OR search_key(s.native_title) = ?"
                    + " OR EXISTS (SELECT 1 FROM unnest(s.alternative_titles) AS a (name) WHERE search_key(a.name) = ?)"
                    + " THEN 1 ELSE 0 END)"
                    + (search.descending() ? " ASC" : " DESC") + ", lower(s.title), s.id", key, key, key, key, key);
        }
        if (sort == SongSort.YEAR) {
            return new SqlQuery(" ORDER BY s.year" + dir + " NULLS LAST, lower(s.title)" + dir + ", s.id" + dir);
        }
        return new SqlQuery(" ORDER BY lower(s.title)" + dir + ", s.id" + dir);
    }

    /** The search text as the index stores it: lower case, without accents (same SQL function, same result). */
    static String searchKey(Connection connection, String text) throws SQLException {
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

    /** The songs of {@code WHERE condition} (on song s, one array parameter), in {@code order}. */
    static List<SongView> songsWhere(Connection connection, String condition, Object parameter, String order)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                SONG_COLUMNS + " FROM song s WHERE " + condition + " " + order)) {
            statement.setObject(1, parameter);
            return rows(connection, statement);
        }
    }

    /** The one row-to-record mapping: the songs a statement selects (SONG_COLUMNS), in its order, with credits and usages. */
    private static List<SongView> rows(Connection connection, PreparedStatement statement) throws SQLException {
        Map<Long, SongView> byId = new LinkedHashMap<>();
        try (ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                byId.put(r.getLong(1), new SongView(r.getString(2), r.getString(3), r.getString(4),
                        List.of((String[]) r.getArray(10).getArray()), externalIds(r.getString(11)), new ArrayList<>(),
                        r.getObject(5, Integer.class), r.getString(6),
                        Arrays.stream((String[]) r.getArray(7).getArray()).map(SongMood::valueOf).toList(),
                        r.getString(8), new ArrayList<>(), r.getLong(9)));
            }
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        Array ids = connection.createArrayOf("bigint", byId.keySet().toArray());
        try (PreparedStatement credits = connection.prepareStatement("""
                SELECT sa.song_id, a.name, a.slug, sa.role FROM song_artist sa JOIN artist a ON a.id = sa.artist_id
                WHERE sa.song_id = ANY (?) ORDER BY sa.song_id, sa.position, sa.id""")) {
            credits.setArray(1, ids);
            try (ResultSet r = credits.executeQuery()) {
                while (r.next()) {
                    byId.get(r.getLong(1)).artists().add(new SongView.Credit(r.getString(2), r.getString(3),
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
                    byId.get(r.getLong(1)).usages().add(new SongView.Usage(r.getString(2), r.getString(3),
                            UsageRole.valueOf(r.getString(4)), r.getObject(5, Integer.class), r.getString(6),
                            r.getString(7)));
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** The jsonb column as the API shows it; the common empty object without a parse. */
    private static Map<String, Object> externalIds(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, EXTERNAL_IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final TypeReference<LinkedHashMap<String, Object>> EXTERNAL_IDS = new TypeReference<>() { };

    // ---- The write path: every statement takes the caller's connection, so a batch is one transaction ------------

    /**
     * Makes the writes that may create these slugs take turns until the transaction ends, whether the songs exist or
     * not (a row lock needs a row): transaction-scoped advisory locks on the slugs, taken in key order so two
     * writers never wait for each other in a circle. Concurrent imports or POSTs of one new slug then run one after
     * the other instead of failing on the unique constraint.
     */
    public static void lockSlugs(Connection connection, Collection<String> slugs) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pg_advisory_xact_lock(hashtext('songs.song'), k)
                FROM (SELECT DISTINCT hashtext(s) AS k FROM unnest(?::text[]) AS s ORDER BY 1) AS keys""")) {
            statement.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            statement.execute();
        }
    }

    /** The stored version of a song, row-locked until the transaction ends; empty if there is no such song. */
    public static OptionalLong lockVersion(Connection connection, String slug) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT version FROM song WHERE slug = ? FOR UPDATE")) {
            statement.setString(1, slug);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Deletes a song; its credits and usages go with it (ON DELETE CASCADE), its artists stay. */
    public static void delete(Connection connection, String slug) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM song WHERE slug = ?")) {
            statement.setString(1, slug);
            statement.executeUpdate();
        }
    }

    /**
     * Creates or replaces whole songs by slug, credits and usages included, and tells for each what it did. Songs
     * are {@link SongInput#normalized normalised}, and every credited artist exists (see {@link ArtistStore#create}).
     * Decides song by song, in order, what each does to the songs as the ones before it left them (so a slug twice
     * in one batch behaves as in two transactions; a song's version moves only when it really changes), then writes
     * the result with a few statements. Concurrent writes of the same slugs wait for this transaction.
     */
    public static List<Outcome> upsert(Connection connection, List<SongInput> input) throws SQLException {
        Set<String> slugs = new LinkedHashSet<>();
        Set<String> artistSlugs = new LinkedHashSet<>();
        for (SongInput song : input) {
            slugs.add(song.slug());
            song.artists().forEach(credit -> artistSlugs.add(credit.slug()));
        }
        lockSlugs(connection, slugs); // a concurrent import or POST of these slugs waits, then sees our songs
        Map<String, SongView> stored = new LinkedHashMap<>();
        // Row-locked in slug order: no deadlocks.
        songsWhere(connection, "s.slug = ANY (?)", connection.createArrayOf("text", slugs.toArray()),
                "ORDER BY s.slug FOR UPDATE OF s").forEach(song -> stored.put(song.slug(), song));
        Map<String, String> artistNames = ArtistStore.names(connection, artistSlugs);

        Map<String, SongView> songs = new LinkedHashMap<>(stored);
        List<Outcome> outcomes = new ArrayList<>();
        for (SongInput song : input) {
            SongView before = songs.get(song.slug());
            SongView after = stored(song, artistNames, before == null ? 1 : before.version() + 1);
            if (before != null && content(before).equals(content(after))) {
                outcomes.add(Outcome.UNCHANGED);
                continue;
            }
            songs.put(song.slug(), after);
            outcomes.add(before == null ? Outcome.CREATED : Outcome.UPDATED);
        }

        List<SongView> created = new ArrayList<>();
        List<SongView> updated = new ArrayList<>();
        for (SongView song : songs.values()) {
            SongView row = stored.get(song.slug());
            if (row == null) {
                created.add(song);
            } else if (row.version() != song.version()) {
                updated.add(song);
            }
        }
        if (!created.isEmpty() || !updated.isEmpty()) {
            write(connection, json(created), json(updated));
        }
        return outcomes;
    }

    /** The song as it will be stored: the input with the stored artists' names and its version. */
    private static SongView stored(SongInput song, Map<String, String> artistNames, long version) {
        return new SongView(song.slug(), song.title(), song.nativeTitle(), song.alternativeTitles(), song.externalIds(),
                song.artists().stream().map(c -> new SongView.Credit(
                        requireArtist(artistNames, c.slug()), c.slug(), c.role())).toList(),
                song.year(), song.single(), song.moods(), song.description(),
                song.usages().stream().map(u -> new SongView.Usage(u.titleSlug(), u.titleName(), u.role(),
                        u.sequence(), u.episodes(), u.note())).toList(),
                version);
    }

    private static String requireArtist(Map<String, String> artistNames, String slug) {
        String name = artistNames.get(slug);
        if (name == null) {
            throw new IllegalStateException("artist '" + slug + "' must be created before the songs crediting it");
        }
        return name;
    }

    /** What a song says, without its version: equal before and after a write means the write changed nothing. */
    private static SongView content(SongView song) {
        return new SongView(song.slug(), song.title(), song.nativeTitle(), song.alternativeTitles(), song.externalIds(),
                song.artists(), song.year(), song.single(), song.moods(), song.description(), song.usages(), 0);
    }

    private static String json(List<SongView> songs) {
        try {
            return JSON.writeValueAsString(songs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // The JSON arrays below hold songs in the API's shape (SongView): slug, title, nativeTitle, alternativeTitles,
    // externalIds, artists, year, single, moods, description, usages, version.
    private static final String SONG_RECORDS = """
            jsonb_to_recordset(?::jsonb) AS x (slug text, title text, "nativeTitle" text, "alternativeTitles" text[],
                "externalIds" jsonb, year integer, single text, moods text[], description text, version bigint)""";

    /** Inserts new songs (slug order); a slug another write created meanwhile fails the statement. */
    private static final String INSERT_SONGS = "INSERT INTO song (slug, title, native_title, alternative_titles, "
            + "external_ids, year, single, moods, description, version) SELECT x.slug, x.title, x.\"nativeTitle\", "
            + "x.\"alternativeTitles\", x.\"externalIds\", x.year, x.single, x.moods, x.description, x.version FROM "
            + SONG_RECORDS + " ORDER BY x.slug";

    private static final String UPDATE_SONGS = "UPDATE song SET title = x.title, native_title = x.\"nativeTitle\", "
            + "alternative_titles = x.\"alternativeTitles\", external_ids = x.\"externalIds\", year = x.year, single = x.single, moods = x.moods, description = x.description, version = x.version, "
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

    // After the credits: the search text holds the artists' names (see V2__search.sql) and the alternative titles
    // (V3__song_alternative_titles_and_external_ids.sql). Rewritten only where it
    // changes, as each rewrite updates the GIN indexes. Artists are never renamed (ArtistStore.create), so no other
    // song's search text changes.
    private static final String REFRESH_SEARCH_TEXT = "UPDATE song SET search_text = coalesce(song_search_text(song.id), '') "
            + "WHERE song.slug IN (SELECT w.s->>'slug' FROM (" + WRITTEN + ") w) "
            + "AND song.search_text IS DISTINCT FROM coalesce(song_search_text(song.id), '')";

    /** Inserts {@code created}, updates {@code updated} (locked by the caller), replaces both's credits and usages. */
    private static void write(Connection connection, String created, String updated) throws SQLException {
        execute(connection, INSERT_SONGS, created);
        execute(connection, UPDATE_SONGS, updated);
        for (String sql : new String[] {CLEAR_CREDITS, INSERT_CREDITS, CLEAR_USAGES, INSERT_USAGES, REFRESH_SEARCH_TEXT}) {
            execute(connection, sql, created, updated);
        }
    }

    private static void execute(Connection connection, String sql, String... json) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < json.length; i++) {
                statement.setString(i + 1, json[i]);
            }
            statement.executeUpdate();
        }
    }
}
