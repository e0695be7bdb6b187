package setsunai.songs.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import setsunai.common.problem.DatabaseUnavailable;
import setsunai.common.problem.Problem;
import setsunai.common.web.ImportReport;
import setsunai.common.web.NdjsonLines;
import setsunai.songs.api.SongInput;
import setsunai.songs.api.SongView;
import setsunai.songs.store.SongQueries;

/**
 * NDJSON import: every line is read and validated in Java, then the valid lines are upserted by slug a chunk at a
 * time, with a handful of set-based statements per chunk. New artists are created with INSERT ... ON CONFLICT DO
 * NOTHING, so two imports introducing the same artist both succeed. A chunk the database refuses (say, a slug a
 * concurrent write just created) is stored again line by line, so a failing line is reported alone and every other
 * line is kept, as when each line had its own transaction.
 */
@ApplicationScoped
public class SongImporter {

    private static final Logger LOG = Logger.getLogger(SongImporter.class);

    /** Lines per transaction: large enough that the per-statement cost vanishes, small enough to redo line by line. */
    static final int CHUNK = 500;

    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** What became of one valid line: an outcome, or the errors that reject it. */
    private record Result(NdjsonLines.Line<SongInput> line, Outcome outcome, List<Problem.FieldError> errors) {
    }

    @Inject
    SongQueries queries;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** Not transactional itself: each chunk is its own transaction. */
    public ImportReport run(String body) {
        List<ImportReport.RejectedLine> rejected = new ArrayList<>();
        List<NdjsonLines.Line<SongInput>> valid = new ArrayList<>();
        for (var line : NdjsonLines.read(body, SongInput.class, mapper, validator)) {
            List<Problem.FieldError> errors = line.errors();
            if (line.valid() && line.value().slug() == null) {
                errors = List.of(new Problem.FieldError("slug", "must not be blank"));
            }
            if (errors.isEmpty()) {
                valid.add(line);
            } else {
                rejected.add(new ImportReport.RejectedLine(line.number(), line.slug(), errors));
            }
        }
        int[] counts = new int[Outcome.values().length];
        for (int from = 0; from < valid.size(); from += CHUNK) {
            for (Result result : store(valid.subList(from, Math.min(from + CHUNK, valid.size())))) {
                if (result.outcome() != null) {
                    counts[result.outcome().ordinal()]++;
                } else {
                    rejected.add(new ImportReport.RejectedLine(result.line().number(), result.line().value().slug(),
                            result.errors()));
                }
            }
        }
        rejected.sort(Comparator.comparingInt(ImportReport.RejectedLine::line));
        return new ImportReport(counts[Outcome.CREATED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], rejected);
    }

    /** The chunk at once; if the database refuses it, each line on its own. */
    private List<Result> store(List<NdjsonLines.Line<SongInput>> chunk) {
        try {
            return storeLines(chunk);
        } catch (RuntimeException | SQLException e) {
            unlessDatabaseUnavailable(e);
            if (chunk.size() == 1) {
                return List.of(failed(chunk.get(0), e));
            }
            LOG.warnf("Import chunk of lines %d-%d failed (%s); storing its lines one by one", chunk.get(0).number(),
                    chunk.get(chunk.size() - 1).number(), e);
            List<Result> results = new ArrayList<>();
            for (var line : chunk) {
                try {
                    results.addAll(storeLines(List.of(line)));
                } catch (RuntimeException | SQLException lineFailure) {
                    unlessDatabaseUnavailable(lineFailure);
                    results.add(failed(line, lineFailure));
                }
            }
            return results;
        }
    }

    /** Every later line would fail too: the import is a 503 (DatabaseUnavailable), and can be sent again whole. */
    private static void unlessDatabaseUnavailable(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static Result failed(NdjsonLines.Line<SongInput> line, Exception e) {
        LOG.warnf(e, "Import line %d could not be stored", line.number());
        return new Result(line, null,
                List.of(new Problem.FieldError("", "could not be stored (a concurrent write?); retry the line")));
    }

    /**
     * Artists first: each line's credits are checked, in order, against the artists that exist and those the lines
     * before it introduce, and the new ones are created at once, outside the songs' transaction, so that parallel
     * imports sharing new artists wait for each other for one statement, not for a whole chunk. (If the songs then
     * fail, those artists stay, as an artist stays when its songs are deleted.) Then the songs, in one transaction.
     */
    private List<Result> storeLines(List<NdjsonLines.Line<SongInput>> lines) throws SQLException {
        Set<String> artistSlugs = new LinkedHashSet<>();
        lines.forEach(line -> line.value().artists().forEach(credit -> artistSlugs.add(credit.slug())));
        List<Result> results = new ArrayList<>();
        List<NdjsonLines.Line<SongInput>> accepted = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> existing = queries.artistNames(connection, artistSlugs);
            Map<String, String> newArtists = new TreeMap<>();
            for (var line : lines) {
                var credits = line.value().artists();
                var errors = SongService.creditErrors(credits,
                        slug -> existing.containsKey(slug) || newArtists.containsKey(slug));
                if (!errors.isEmpty()) {
                    results.add(new Result(line, null, errors));
                    continue;
                }
                for (var credit : credits) {
                    if (!existing.containsKey(credit.slug()) && !newArtists.containsKey(credit.slug())) {
                        newArtists.put(credit.slug(), credit.name().strip()); // a new artist: its first credit names it
                    }
                }
                accepted.add(line);
            }
            queries.createArtists(connection, newArtists);
        }
        if (!accepted.isEmpty()) {
            results.addAll(QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return writeSongs(connection, accepted, artistSlugs);
                }
            }));
        }
        return results;
    }

    /**
     * Decides line by line, in order, what each line does to the songs as the lines before it left them (so a
     * slug twice in one chunk behaves as in two transactions), then writes the outcome with a few statements.
     */
    private List<Result> writeSongs(Connection connection, List<NdjsonLines.Line<SongInput>> lines,
                                    Set<String> artistSlugs) throws SQLException, JsonProcessingException {
        Set<String> slugs = new LinkedHashSet<>();
        lines.forEach(line -> slugs.add(line.value().slug()));
        queries.lockSlugs(connection, slugs); // a concurrent import or POST of these slugs waits, then sees our songs
        Map<String, SongQueries.Row> stored = queries.lockBySlugs(connection, slugs);
        Map<String, String> artistNames = queries.artistNames(connection, artistSlugs);
        Map<String, SongView> songs = new LinkedHashMap<>();
        stored.forEach((slug, row) -> songs.put(slug, SongMapper.toView(row)));

        List<Result> results = new ArrayList<>();
        for (var line : lines) {
            SongInput input = line.value();
            SongView before = songs.get(input.slug());
            SongView after = SongService.intended(input, artistNames, before == null ? 1 : before.version() + 1);
            if (before != null && SongMapper.content(before).equals(SongMapper.content(after))) {
                results.add(new Result(line, Outcome.UNCHANGED, List.of()));
                continue;
            }
            songs.put(input.slug(), after);
            results.add(new Result(line, before == null ? Outcome.CREATED : Outcome.UPDATED, List.of()));
        }

        List<SongView> created = new ArrayList<>();
        List<SongView> updated = new ArrayList<>();
        for (SongView song : songs.values()) {
            SongQueries.Row row = stored.get(song.slug());
            if (row == null) {
                created.add(song);
            } else if (row.version() != song.version()) {
                updated.add(song);
            }
        }
        if (!created.isEmpty() || !updated.isEmpty()) {
            queries.writeSongs(connection, mapper.writeValueAsString(created), mapper.writeValueAsString(updated));
        }
        return results;
    }

}
