package setsunai.songs.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import setsunai.common.problem.DatabaseUnavailable;
import setsunai.common.problem.Problem;
import setsunai.common.web.ImportReport;
import setsunai.common.web.ImportReport.Outcome;
import setsunai.common.web.NdjsonChunks;
import setsunai.common.web.NdjsonLines;
import setsunai.songs.api.SongInput;
import setsunai.songs.store.SongStore;

/**
 * NDJSON import, streamed: every line is read and validated in Java, then the valid lines are upserted by slug a chunk at a
 * time through the songs' one write path ({@link SongStore#upsert}: a handful of set-based statements per chunk).
 * New artists are created with INSERT ... ON CONFLICT DO NOTHING, so two imports introducing the same artist both
 * succeed. A chunk the database refuses (say, a slug a concurrent write just created) is stored again line by line,
 * so a failing line is reported alone and every other line is kept, as when each line had its own transaction.
 */
@ApplicationScoped
public class SongImporter {

    private static final Logger LOG = Logger.getLogger(SongImporter.class);

    /** Lines per transaction: large enough that the per-statement cost vanishes, small enough to redo line by line. */
    static final int CHUNK = 500;

    /** What became of one valid line: an outcome, or the errors that reject it. */
    private record Result(NdjsonLines.Line<SongInput> line, Outcome outcome, List<Problem.FieldError> errors) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /**
     * Not transactional itself: each chunk is its own transaction. The body is read as it arrives, a chunk's worth of
     * lines at a time, so memory holds one chunk (and the rejected lines), not the body.
     */
    public ImportReport run(InputStream body) {
        NdjsonChunks<SongInput> reader = new NdjsonChunks<>(body, SongInput.class, mapper, validator);
        List<ImportReport.RejectedLine> rejected = new ArrayList<>();
        List<NdjsonLines.Line<SongInput>> valid = new ArrayList<>();
        ImportReport.Tally tally = new ImportReport.Tally();
        for (var batch = reader.next(CHUNK); !batch.isEmpty(); batch = reader.next(CHUNK)) {
            for (var line : batch) {
                List<Problem.FieldError> errors = line.errors();
                if (line.valid() && line.value().slug() == null) {
                    errors = List.of(new Problem.FieldError("slug", "must not be blank"));
                }
                if (errors.isEmpty()) {
                    valid.add(line);
                } else {
                    rejected.add(new ImportReport.RejectedLine(line.number(), line.slug(), errors));
                }
                if (valid.size() == CHUNK) {
                    storeChunk(valid, tally, rejected);
                }
            }
        }
        storeChunk(valid, tally, rejected);
        rejected.sort(Comparator.comparingInt(ImportReport.RejectedLine::line));
        rejected.forEach(line -> tally.reject(line.line(), line.slug(), line.errors()));
        return tally.report();
    }

    /** Stores these valid lines (one chunk), counts what became of them, and forgets them. */
    private void storeChunk(List<NdjsonLines.Line<SongInput>> valid, ImportReport.Tally tally,
                            List<ImportReport.RejectedLine> rejected) {
        if (valid.isEmpty()) {
            return;
        }
        for (Result result : store(valid)) {
            if (result.outcome() != null) {
                tally.count(result.outcome());
            } else {
                rejected.add(new ImportReport.RejectedLine(result.line().number(), result.line().slug(),
                        result.errors()));
            }
        }
        valid.clear();
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
     * Artists first, created at once outside the songs' transaction, so that parallel imports sharing new artists
     * wait for each other for one statement, not for a whole chunk. (If the songs then fail, those artists stay, as
     * an artist stays when its songs are deleted.) Then the songs, in one transaction.
     */
    private List<Result> storeLines(List<NdjsonLines.Line<SongInput>> lines) throws SQLException {
        List<SongInput> songs = lines.stream().map(line -> line.value().normalized(line.value().slug())).toList();
        List<List<Problem.FieldError>> errors;
        try (Connection connection = dataSource.getConnection()) {
            errors = SongService.createArtists(connection, songs);
        }
        List<Result> results = new ArrayList<>();
        List<NdjsonLines.Line<SongInput>> accepted = new ArrayList<>();
        List<SongInput> acceptedSongs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (errors.get(i).isEmpty()) {
                accepted.add(lines.get(i));
                acceptedSongs.add(songs.get(i));
            } else {
                results.add(new Result(lines.get(i), null, errors.get(i)));
            }
        }
        if (!accepted.isEmpty()) {
            List<Outcome> outcomes = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return SongStore.upsert(connection, acceptedSongs);
                }
            });
            for (int i = 0; i < accepted.size(); i++) {
                results.add(new Result(accepted.get(i), outcomes.get(i), List.of()));
            }
        }
        return results;
    }
}
