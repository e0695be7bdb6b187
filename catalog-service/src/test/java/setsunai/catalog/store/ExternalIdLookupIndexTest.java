package setsunai.catalog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import setsunai.common.sql.SqlQuery;

/**
 * V7: the provider-id lookup reads an index, and external_id_keys() normalises stored ids as the API normalises the
 * ids it is asked (provider lower-cased, no leading zeros; digits only). The catalogue is small, so the planner would
 * rightly scan it: with sequential scans off, a plan without the index would mean the condition cannot use it.
 */
@QuarkusTest
class ExternalIdLookupIndexTest {

    @Inject
    DataSource dataSource;

    @Test
    void theLookupConditionsAreAnsweredFromIndexes() throws SQLException {
        String byIds = plan("EXPLAIN SELECT t.id FROM title t WHERE external_id_keys(t.external_ids) && ?",
                List.of("mal:23273", "anilist:20665"));
        assertTrue(byIds.contains("title_external_id_keys_idx"), byIds);
        // ids and slugs together in a page, as store.SearchTitles sends them: both looked up from their index once
        // (an InitPlan), then the titles by primary key, never a walk of the page's order testing every row
        SqlQuery page = new SqlQuery("EXPLAIN SELECT t.id FROM title t WHERE TRUE")
                .append(SearchTitles.idCondition(List.of("slug:nana", "mal:23273")))
                .append(" ORDER BY lower(t.title), t.slug LIMIT 100");
        String mixed = plan(page);
        assertTrue(mixed.contains("InitPlan") && mixed.contains("title_external_id_keys_idx")
                && mixed.contains("title_slug_key") && mixed.contains("title_pkey"), mixed);
        assertFalse(mixed.contains("title_title_idx"), mixed);
    }

    @Test
    void storedIdsAreNormalisedToProviderNumberKeys() throws SQLException {
        assertEquals(List.of("anilist:5", "kitsu:0", "mal:23"), keys("{\"MAL\": \"0023\", \"anilist\": 5, \"kitsu\": \"000\"}"));
        // what is not a whole number names nothing: text, decimals, negatives, objects, arrays, null
        assertEquals(List.of(), keys("{\"homepage\": \"https://example.org/1\", \"mal\": 1.5, \"anidb\": -3, "
                + "\"nested\": {\"mal\": 1}, \"list\": [1], \"none\": null}"));
        assertEquals(List.of(), keys("[1, 2]"));
        assertEquals(List.of(), keys("{}"));
    }

    private List<String> keys(String json) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT external_id_keys(?::jsonb)")) {
            statement.setString(1, json);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                Array keys = rows.getArray(1);
                return Arrays.asList((String[]) keys.getArray());
            }
        }
    }

    private String plan(String explain, List<?>... arrays) throws SQLException {
        return plan(connection -> {
            PreparedStatement statement = connection.prepareStatement(explain);
            for (int i = 0; i < arrays.length; i++) {
                statement.setArray(i + 1, connection.createArrayOf("text", arrays[i].toArray()));
            }
            return statement;
        });
    }

    private String plan(SqlQuery explain) throws SQLException {
        return plan(explain::prepare);
    }

    private interface Prepared {
        PreparedStatement prepare(Connection connection) throws SQLException;
    }

    private String plan(Prepared explain) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement hint = connection.createStatement()) {
                hint.execute("SET LOCAL enable_seqscan = off");
                try (PreparedStatement statement = explain.prepare(connection)) {
                    List<String> lines = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            lines.add(rows.getString(1));
                        }
                    }
                    return String.join("\n", lines);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
