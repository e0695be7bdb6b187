package setsunai.catalog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import setsunai.common.sql.SqlQuery;

/** The vocabulary: tags and studios with their title counts, and the tag slugs a title may use. */
@ApplicationScoped
public class TagVocabulary {

    public record Count(String name, String description, long titles) {
    }

    public record CountPage(List<Count> rows, long total) {
    }

    @Inject
    DataSource dataSource;

    /** The tag vocabulary with how many titles use each tag; most used first. One pass over the titles' tags. */
    public CountPage tags(int limit, long offset) {
        String sql = """
                SELECT g.slug, g.description, coalesce(c.titles, 0) AS titles, count(*) OVER ()
                FROM tag g
                LEFT JOIN (SELECT tag, count(*) AS titles FROM title, unnest(tags) AS tag GROUP BY tag) AS c ON c.tag = g.slug
                ORDER BY titles DESC, g.slug
                LIMIT ? OFFSET ?
                """;
        return counts(new SqlQuery().append(sql, limit, offset), "SELECT count(*) FROM tag");
    }

    /** Studios named by titles, case- and accent-insensitively grouped, with their title counts; most titles first. */
    public CountPage studios(int limit, long offset) {
        String sql = """
                SELECT min(u.name), NULL, count(*) AS titles, count(*) OVER ()
                FROM title t, unnest(t.studios, t.studio_keys) AS u(name, key)
                GROUP BY u.key
                ORDER BY titles DESC, min(u.name)
                LIMIT ? OFFSET ?
                """;
        return counts(new SqlQuery().append(sql, limit, offset),
                "SELECT count(DISTINCT k) FROM title t, unnest(t.studio_keys) AS k");
    }

    private CountPage counts(SqlQuery query, String countSql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = query.prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            List<Count> result = new ArrayList<>();
            long total = -1;
            while (rows.next()) {
                result.add(new Count(rows.getString(1), rows.getString(2), rows.getLong(3)));
                total = rows.getLong(4);
            }
            if (total < 0) {
                try (PreparedStatement count = connection.prepareStatement(countSql); ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            return new CountPage(result, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Vocabulary query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The given service keys that no title links to, in the given order. One GIN probe per key
     * (title_streaming_services_idx), so checking a filter costs nothing like listing every title's services.
     */
    public List<String> unknownServices(List<String> keys) {
        String sql = """
                SELECT u.key FROM unnest(?::text[]) WITH ORDINALITY AS u(key, position)
                WHERE NOT EXISTS (SELECT 1 FROM title t WHERE t.streaming_services @> ARRAY[u.key])
                ORDER BY u.position
                """;
        return strings(new SqlQuery(sql, keys), "Checking streaming services failed: ");
    }

    /** Every service key some title links to, sorted (for the error that lists them: a pass over the titles). */
    public List<String> serviceKeys() {
        return strings(new SqlQuery("SELECT DISTINCT k FROM title t, unnest(t.streaming_services) AS k ORDER BY k"),
                "Reading the streaming services failed: ");
    }

    private List<String> strings(SqlQuery query, String failure) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = query.prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(failure + e.getMessage(), e);
        }
    }

    /** The slugs of the tag vocabulary, sorted. */
    public List<String> tagSlugs() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT slug FROM tag ORDER BY slug");
             ResultSet rows = statement.executeQuery()) {
            List<String> slugs = new ArrayList<>();
            while (rows.next()) {
                slugs.add(rows.getString(1));
            }
            return slugs;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the tag vocabulary failed: " + e.getMessage(), e);
        }
    }
}
