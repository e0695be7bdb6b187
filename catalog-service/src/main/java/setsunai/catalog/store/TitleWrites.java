package setsunai.catalog.store;

import static setsunai.common.web.Text.blankToNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import setsunai.catalog.api.StreamingLink;
import setsunai.catalog.api.TitleInput;
import setsunai.common.web.ImportReport.Outcome;

/**
 * The one write of titles, used by POST/PUT (a batch of one), the NDJSON import (chunks) and the dataset loader:
 * a set-based upsert by slug on a plain JDBC connection, so that Flyway's Java migration (which has only a
 * Connection) and the API's transaction (Agroal hands out the transaction's own connection) write alike. A row whose
 * stored form equals the input is left alone, version and all: "unchanged" is decided by PostgreSQL on the stored
 * form, never by a second comparison in Java.
 */
@ApplicationScoped
public class TitleWrites {

    /** New titles from the API start at version 0 (the ETag clients have always got for a new title). */
    public static final long API_FIRST_VERSION = 0;
    /** Curated titles start at version 1 (the column's default, as the dataset has always loaded them). */
    public static final long DATASET_FIRST_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String UPSERT = """
            INSERT INTO title (slug, title, native_title, alternative_titles, format, episodes, year, season, studios,
                               directors, source, synopsis, tags, ending, tearjerker, streaming, external_ids, franchise,
                               version)
            SELECT t.slug, t.title, t."nativeTitle", t."alternativeTitles", t.format, t.episodes, t.year, t.season,
                   t.studios, t.directors, t.source, t.synopsis, t.tags, t.ending, t.tearjerker, t.streaming,
                   t."externalIds", t.franchise, ?
            FROM jsonb_to_recordset(?::jsonb) AS t(slug text, title text, "nativeTitle" text, "alternativeTitles" text[],
                 format text, episodes integer, year integer, season text, studios text[], directors text[], source text,
                 synopsis text, tags text[], ending text, tearjerker integer, streaming jsonb, "externalIds" jsonb,
                 franchise text)
            ON CONFLICT (slug) DO UPDATE SET
                title = EXCLUDED.title, native_title = EXCLUDED.native_title,
                alternative_titles = EXCLUDED.alternative_titles, format = EXCLUDED.format,
                episodes = EXCLUDED.episodes, year = EXCLUDED.year, season = EXCLUDED.season,
                studios = EXCLUDED.studios, directors = EXCLUDED.directors, source = EXCLUDED.source,
                synopsis = EXCLUDED.synopsis, tags = EXCLUDED.tags, ending = EXCLUDED.ending,
                tearjerker = EXCLUDED.tearjerker, streaming = EXCLUDED.streaming, external_ids = EXCLUDED.external_ids,
                franchise = EXCLUDED.franchise, version = title.version + 1, updated_at = now()
            WHERE (title.title, title.native_title, title.alternative_titles, title.format, title.episodes, title.year,
                   title.season, title.studios, title.directors, title.source, title.synopsis, title.tags, title.ending,
                   title.tearjerker, title.streaming, title.external_ids, title.franchise)
                IS DISTINCT FROM
                  (EXCLUDED.title, EXCLUDED.native_title, EXCLUDED.alternative_titles, EXCLUDED.format,
                   EXCLUDED.episodes, EXCLUDED.year, EXCLUDED.season, EXCLUDED.studios, EXCLUDED.directors,
                   EXCLUDED.source, EXCLUDED.synopsis, EXCLUDED.tags, EXCLUDED.ending, EXCLUDED.tearjerker,
                   EXCLUDED.streaming, EXCLUDED.external_ids, EXCLUDED.franchise)
            RETURNING slug, xmax = 0
            """;

    @Inject
    DataSource dataSource;

    /** Writes in the caller's transaction (its connection); one outcome per input, in order. */
    public List<Outcome> write(List<TitleInput> titles) {
        try (Connection connection = dataSource.getConnection()) {
            return write(connection, titles, API_FIRST_VERSION);
        } catch (SQLException e) {
            throw new IllegalStateException("Writing titles failed: " + e.getMessage(), e);
        }
    }

    /**
     * Upserts the titles (normalised here: see {@link #normalize}) by slug; one statement per run of distinct slugs
     * (PostgreSQL cannot change one row twice in a statement, so a repeated slug starts the next statement and sees
     * the earlier line's result, as a line-by-line write would).
     */
    public static List<Outcome> write(Connection connection, List<TitleInput> titles, long firstVersion)
            throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(titles.size());
        List<TitleInput> run = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (TitleInput title : titles) {
            if (!slugs.add(title.slug())) {
                outcomes.addAll(upsert(connection, run, firstVersion));
                run.clear();
                slugs.clear();
                slugs.add(title.slug());
            }
            run.add(normalize(title));
        }
        outcomes.addAll(upsert(connection, run, firstVersion));
        return outcomes;
    }

    private static List<Outcome> upsert(Connection connection, List<TitleInput> run, long firstVersion)
            throws SQLException {
        if (run.isEmpty()) {
            return List.of();
        }
        Map<String, Outcome> written = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setLong(1, firstVersion);
            statement.setString(2, json(run));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    written.put(rows.getString(1), rows.getBoolean(2) ? Outcome.CREATED : Outcome.UPDATED);
                }
            }
        }
        return run.stream().map(t -> written.getOrDefault(t.slug(), Outcome.UNCHANGED)).toList();
    }

    /**
     * The input as it is stored: absent lists and maps as empty ones, list items stripped and without repeats,
     * blank optional text as null. The only normalisation of a title; the service checks tags on this form too.
     */
    public static TitleInput normalize(TitleInput in) {
        return new TitleInput(in.slug(), in.title().strip(), blankToNull(in.nativeTitle()), list(in.alternativeTitles()),
                in.format(), in.episodes(), in.year(), in.season(), list(in.studios()), list(in.directors()), in.source(),
                blankToNull(in.synopsis()), list(in.tags()), in.ending(), in.tearjerker(), links(in.streaming()),
                in.externalIds() == null ? Map.of() : in.externalIds(), blankToNull(in.franchise()));
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }

    /** Links as stored: text stripped, a blank url as null, regions as a list without repeats. */
    private static List<StreamingLink> links(List<StreamingLink> links) {
        return links == null ? List.of() : links.stream()
                .map(l -> new StreamingLink(strip(l.service()), strip(l.name()), blankToNull(l.url()), list(l.regions())))
                .toList();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String json(List<TitleInput> titles) {
        try {
            return JSON.writeValueAsString(titles);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A title could not be written as JSON", e);
        }
    }
}
