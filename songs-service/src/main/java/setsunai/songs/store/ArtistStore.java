package setsunai.songs.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import setsunai.common.sql.SqlQuery;
import setsunai.common.web.Page;
import setsunai.common.web.PageRequest;
import setsunai.songs.api.ArtistSummary;
import setsunai.songs.api.ArtistView;
import setsunai.songs.api.SongView;

/**
 * Artists in PostgreSQL. They are written only through the songs that credit them: {@link #create} makes the new
 * ones before {@link SongStore#upsert}, for the API, the import and the dataset loader alike.
 */
@ApplicationScoped
public class ArtistStore {

    @Inject
    DataSource dataSource;

    /** Artists by name (typo-, case- and accent-tolerant when q is given, best match first), else by name. */
    public Page<ArtistSummary> search(String q, PageRequest page) {
        try (Connection connection = dataSource.getConnection()) {
            SqlQuery where = new SqlQuery("");
            SqlQuery order = new SqlQuery(" ORDER BY lower(a.name), a.id");
            if (q != null) {
                String key = SongStore.searchKey(connection, q);
                where.append(" WHERE (search_key(a.name) LIKE ? OR ? <% search_key(a.name))",
                        "%" + SongStore.escapeLike(key) + "%", key);
                order = new SqlQuery(" ORDER BY word_similarity(?, search_key(a.name)) DESC, lower(a.name), a.id", key);
            }
            long total;
            try (PreparedStatement statement = new SqlQuery("SELECT count(*) FROM artist a").append(where)
                    .prepare(connection); ResultSet row = statement.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            SqlQuery select = new SqlQuery("""
                    SELECT a.slug, a.name, a.native_name,
                           (SELECT count(DISTINCT sa.song_id) FROM song_artist sa WHERE sa.artist_id = a.id)
                    FROM artist a""").append(where).append(order)
                    .append(" LIMIT ? OFFSET ?", page.size(), page.offset());
            List<ArtistSummary> items = new ArrayList<>();
            try (PreparedStatement statement = select.prepare(connection); ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    items.add(new ArtistSummary(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
                }
            }
            return Page.of(items, page, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The artist with every song credited to them, by title, read as songs are (SongStore). */
    public Optional<ArtistView> find(String slug) {
        try (Connection connection = dataSource.getConnection()) {
            String name;
            String nativeName;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT name, native_name FROM artist WHERE slug = ?")) {
                statement.setString(1, slug);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    name = row.getString(1);
                    nativeName = row.getString(2);
                }
            }
            List<ArtistView.ArtistSong> songs = SongStore.songsWhere(connection, """
                    s.id IN (SELECT sa.song_id FROM song_artist sa JOIN artist a ON a.id = sa.artist_id
                             WHERE a.slug = ?)""", slug, "ORDER BY lower(s.title), s.id").stream()
                    .map(song -> new ArtistView.ArtistSong(song.slug(), song.title(), song.nativeTitle(), song.year(),
                            song.artists().stream().filter(c -> c.slug().equals(slug)).map(SongView.Credit::role)
                                    .distinct().toList(),
                            song.moods(), song.usages()))
                    .toList();
            return Optional.of(new ArtistView(slug, name, nativeName, songs.size(), songs));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of the existing artists among these slugs. */
    public static Map<String, String> names(Connection connection, Collection<String> slugs) throws SQLException {
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
     * Creates the artists that do not exist yet. The one rule for an artist that exists: it keeps its name (ON
     * CONFLICT DO NOTHING), whoever writes, as the API documents ("ignored for an existing artist"). So an artist
     * another write creates at the same moment is not an error (the insert waits for it to commit, then does
     * nothing), and no write renames an artist behind the other songs crediting it. Inserted in slug order, so two
     * writers never wait for each other in a circle.
     */
    public static void create(Connection connection, Map<String, String> namesBySlug) throws SQLException {
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
}
