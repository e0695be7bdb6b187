package setsunai.songs.model;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import setsunai.common.sql.SqlQuery;

@ApplicationScoped
public class SongRepository implements PanacheRepository<Song> {

    /** Ids of one page of matches and the number of matches. */
    public record Matches(List<Long> ids, long total) {
    }

    public Optional<Song> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The song, row-locked until the transaction ends: concurrent updates of one song queue up here. */
    public Optional<Song> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Songs by id, in the order of the ids. */
    public List<Song> findInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        List<Song> found = new ArrayList<>(list("id in ?1", ids));
        found.sort(Comparator.comparing(song -> order.get(song.id)));
        return found;
    }

    /** Rewrites the denormalised search text (title, native title, artist names); call after flushing credits. */
    public void refreshSearchText(Song song) {
        getEntityManager().flush();
        getEntityManager()
                .createNativeQuery("UPDATE song SET search_text = coalesce(song_search_text(id), '') WHERE id = ?1")
                .setParameter(1, song.id)
                .executeUpdate();
    }

    /**
     * Filters and orders songs in SQL written out by hand: ranking by full-text and trigram similarity, and array
     * parameters, are clearer here than in HQL. Every filter is an indexed condition (see V2__search.sql).
     */
    public Matches search(SongCriteria criteria, int offset, int limit) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
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

            long total;
            SqlQuery count = new SqlQuery("SELECT count(*) FROM song s").append(where);
            try (PreparedStatement statement = count.prepare(connection); ResultSet rows = statement.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            List<Long> ids = new ArrayList<>();
            if (total > offset) {
                SqlQuery page = new SqlQuery("SELECT s.id FROM song s").append(where).append(orderBy(criteria, key))
                        .append(" LIMIT ? OFFSET ?", limit, offset);
                try (PreparedStatement statement = page.prepare(connection); ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return new Matches(ids, total);
        });
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
}
