package setsunai.catalog.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import setsunai.catalog.api.Season;
import setsunai.catalog.api.Source;
import setsunai.catalog.api.StreamingLink;
import setsunai.catalog.api.TitleView;
import setsunai.common.vocabulary.Ending;
import setsunai.common.vocabulary.Format;

/**
 * The one read of titles, rows to {@link TitleView} in plain JDBC: one title, a page of ids (search, similar) and the
 * answers of POST and PUT. Hibernate loading the same rows as entities (their initialisers, a snapshot copy of the
 * arrays and jsonb for the dirty check, the flush at commit) cost a search four times the driver's own work, for
 * rows that are only ever shown. Inside a transaction Agroal hands out its connection, so a write's answer reads
 * what the write left.
 */
@ApplicationScoped
public class TitleReads {

    private static final String COLUMNS = "t.id, t.slug, t.title, t.native_title, t.alternative_titles, t.format, "
            + "t.episodes, t.year, t.season, t.studios, t.directors, t.source, t.synopsis, t.tags, t.ending, "
            + "t.tearjerker, t.streaming, t.external_ids, t.franchise, t.version";

    /** Plain defaults, as TitleWrites writes the jsonb columns. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader LINKS = JSON.readerFor(new TypeReference<List<StreamingLink>>() { });
    private static final ObjectReader EXTERNAL_IDS = JSON.readerFor(new TypeReference<LinkedHashMap<String, Object>>() { });

    @Inject
    DataSource dataSource;

    /** The title with this slug. */
    public Optional<TitleView> bySlug(String slug) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM title t WHERE t.slug = ?")) {
            statement.setString(1, slug);
            return rows(statement).values().stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading title '" + slug + "' failed: " + e.getMessage(), e);
        }
    }

    /** The titles with these ids by id, in the order of the ids (as a search ranked them); absent ids left out. */
    public Map<Long, TitleView> views(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM unnest(?::bigint[]) WITH ORDINALITY AS u(id, position) JOIN title t ON t.id = u.id"
                     + " ORDER BY u.position")) {
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            return rows(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading titles failed: " + e.getMessage(), e);
        }
    }

    /** The id of the title with this slug (similar titles start from it). */
    public OptionalLong id(String slug) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM title WHERE slug = ?")) {
            statement.setString(1, slug);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading title '" + slug + "' failed: " + e.getMessage(), e);
        }
    }

    /** The one row-to-record mapping: the titles a statement selects (COLUMNS), by id, in its order. */
    private static Map<Long, TitleView> rows(PreparedStatement statement) throws SQLException {
        Map<Long, TitleView> views = new LinkedHashMap<>();
        try (ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                views.put(r.getLong(1), new TitleView(r.getString(2), r.getString(3), r.getString(4), strings(r, 5),
                        Format.valueOf(r.getString(6)), r.getObject(7, Integer.class), r.getObject(8, Integer.class),
                        value(Season.class, r.getString(9)), strings(r, 10), strings(r, 11),
                        value(Source.class, r.getString(12)), r.getString(13), strings(r, 14),
                        Ending.valueOf(r.getString(15)), r.getInt(16), links(r.getString(17)),
                        externalIds(r.getString(18)), r.getString(19), r.getLong(20)));
            }
        }
        return views;
    }

    private static List<String> strings(ResultSet r, int column) throws SQLException {
        return List.of((String[]) r.getArray(column).getArray());
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** The jsonb links as the API shows them; the common empty array without a parse. */
    private static List<StreamingLink> links(String json) {
        if (json.equals("[]")) {
            return List.of();
        }
        try {
            return List.copyOf(LINKS.<List<StreamingLink>>readValue(json));
        } catch (IOException e) {
            throw new IllegalStateException("Stored streaming links are not links: " + json, e);
        }
    }

    /** The jsonb ids in the order PostgreSQL keeps their keys; the common empty object without a parse. */
    private static Map<String, Object> externalIds(String json) {
        if (json.equals("{}")) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(EXTERNAL_IDS.<LinkedHashMap<String, Object>>readValue(json));
        } catch (IOException e) {
            throw new IllegalStateException("Stored external ids are not an object: " + json, e);
        }
    }
}
