package setsunai.catalog.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import setsunai.catalog.api.TitleInput;
import setsunai.catalog.api.TitleView;
import setsunai.catalog.store.TagVocabulary;
import setsunai.catalog.store.Title;
import setsunai.catalog.store.TitleReads;
import setsunai.catalog.store.TitleRepository;
import setsunai.catalog.store.TitleWrites;
import setsunai.common.problem.DatabaseUnavailable;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.ImportReport;
import setsunai.common.web.ImportReport.Outcome;
import setsunai.common.web.NdjsonChunks;
import setsunai.common.web.NdjsonLines;
import setsunai.common.web.Preconditions;

/**
 * Editing the catalogue: create, replace (If-Match), delete, and NDJSON import. Creating and replacing are the
 * store's one set-based write (store.TitleWrites) with a batch of one; the import writes chunks of it.
 */
@ApplicationScoped
public class TitleEditor {

    private static final Logger LOG = Logger.getLogger(TitleEditor.class);

    /** Lines per import transaction: one statement each, and a failing chunk retries only its own lines. */
    static final int IMPORT_CHUNK = 500;

    @Inject
    TitleRepository titles;

    @Inject
    TitleWrites writes;

    @Inject
    TitleReads reads;

    @Inject
    TagVocabulary vocabulary;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Transactional
    @CacheInvalidateAll(cacheName = "search-totals")
    public TitleView create(TitleInput input) {
        TitleInput clean = checked(input, vocabulary.tagSlugs());
        // A concurrent write of this slug makes the upsert wait for it and then find the row: anything but a new
        // row is someone else's title, and the exception rolls our update of it back.
        if (writes.write(List.of(clean)).get(0) != Outcome.CREATED) {
            throw ProblemException.slugTaken("title", clean.slug(), "/api/titles");
        }
        return written(clean.slug());
    }

    /** Replaces a title if the client saw its current version (If-Match); 412 if someone else changed it first. */
    @Transactional
    @CacheInvalidateAll(cacheName = "search-totals")
    public TitleView replace(String slug, long expectedVersion, TitleInput input) {
        TitleInput clean = checked(input, vocabulary.tagSlugs());
        if (!slug.equals(clean.slug())) {
            throw new InvalidInputException("slug", "must be '" + slug + "' as in the path; slugs cannot be renamed "
                    + "(songs refer to titles by slug). Create a new title and delete this one instead.");
        }
        // Row-locked: a concurrent PUT with the same ETag waits here, then sees the new version and gets its 412.
        Title title = titles.findBySlugForUpdate(slug).orElseThrow(() -> TitleService.noSuch(slug));
        Preconditions.requireVersion(expectedVersion, title.version);
        writes.write(List.of(clean));
        return written(slug);
    }

    /**
     * The answer to a write: the title as every read shows it (store.TitleReads), read on this transaction's
     * connection after anything the session still holds is flushed, so it is what the transaction will commit.
     */
    private TitleView written(String slug) {
        titles.flush();
        return reads.bySlug(slug).orElseThrow(() -> TitleService.noSuch(slug));
    }

    /** Deletes a title; with an If-Match version, only if it is still that version. */
    @Transactional
    @CacheInvalidateAll(cacheName = "search-totals")
    public void delete(String slug, Long expectedVersion) {
        Title title = titles.findBySlug(slug).orElseThrow(() -> TitleService.noSuch(slug));
        if (expectedVersion != null) {
            Preconditions.requireVersion(expectedVersion, title.version);
        }
        titles.delete(title);
        try {
            titles.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw Preconditions.stale();
        }
    }

    /** What became of one line: an outcome, or why it was rejected. */
    private record Result(Outcome outcome, List<Problem.FieldError> errors) {
    }

    /**
     * Chunks of {@link #IMPORT_CHUNK} good lines, each chunk one transaction. A chunk that fails is retried line by
     * line, each in its own transaction, so a failing write never loses the good lines around it.
     */
    @CacheInvalidateAll(cacheName = "search-totals")
    public ImportReport importLines(InputStream body) {
        // The body is read as it arrives, a chunk's worth of lines at a time: memory holds one chunk, not the body.
        NdjsonChunks<TitleInput> reader = new NdjsonChunks<>(body, TitleInput.class, mapper, validator);
        List<String> known = vocabulary.tagSlugs();
        ImportReport.Tally tally = new ImportReport.Tally();
        // The lines read since the last stored chunk, with what became of them (null while not stored yet).
        List<NdjsonLines.Line<TitleInput>> lines = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        List<Integer> chunk = new ArrayList<>();
        List<TitleInput> inputs = new ArrayList<>();
        for (var batch = reader.next(IMPORT_CHUNK); !batch.isEmpty(); batch = reader.next(IMPORT_CHUNK)) {
            for (NdjsonLines.Line<TitleInput> line : batch) {
                int i = lines.size();
                lines.add(line);
                results.add(null);
                if (!line.valid()) {
                    results.set(i, new Result(null, line.errors()));
                    continue;
                }
                try {
                    inputs.add(checked(line.value(), known));
                    chunk.add(i);
                } catch (InvalidInputException e) {
                    results.set(i, new Result(null, e.errors()));
                }
                if (chunk.size() == IMPORT_CHUNK) {
                    store(lines, chunk, inputs, results);
                    tally(lines, results, tally);
                }
            }
        }
        store(lines, chunk, inputs, results);
        tally(lines, results, tally);
        return tally.report();
    }

    /** Counts the lines read so far, in line order, and forgets them. */
    private static void tally(List<NdjsonLines.Line<TitleInput>> lines, List<Result> results, ImportReport.Tally tally) {
        for (int i = 0; i < lines.size(); i++) {
            if (results.get(i).outcome() != null) {
                tally.count(results.get(i).outcome());
            } else {
                tally.reject(lines.get(i).number(), lines.get(i).slug(), results.get(i).errors());
            }
        }
        lines.clear();
        results.clear();
    }

    private void store(List<NdjsonLines.Line<TitleInput>> lines, List<Integer> chunk, List<TitleInput> inputs,
                       List<Result> results) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            List<Outcome> outcomes = QuarkusTransaction.requiringNew().call(() -> writes.write(inputs));
            for (int j = 0; j < chunk.size(); j++) {
                results.set(chunk.get(j), new Result(outcomes.get(j), null));
            }
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw e; // every later line would fail too: a 503, and the whole import can be sent again
            }
            for (int j = 0; j < chunk.size(); j++) {
                TitleInput input = inputs.get(j);
                int index = chunk.get(j);
                try {
                    results.set(index, new Result(QuarkusTransaction.requiringNew()
                            .call(() -> writes.write(List.of(input))).get(0), null));
                } catch (RuntimeException lineFailure) {
                    if (DatabaseUnavailable.isCause(lineFailure)) {
                        throw lineFailure;
                    }
                    LOG.warnf(lineFailure, "Import line %d (%s) could not be stored", lines.get(index).number(),
                            input.slug());
                    // The database's own text (SQL, constraints) goes to the log, not to the editor.
                    results.set(index, new Result(null, List.of(new Problem.FieldError("", "could not be stored; retry "
                            + "the line, and report it (with the X-Request-Id header) if it fails again"))));
                }
            }
        }
        chunk.clear();
        inputs.clear();
    }

    /** Normalised input whose tags are all in the vocabulary (a field error names the known ones otherwise). */
    private static TitleInput checked(TitleInput input, List<String> known) {
        TitleInput clean = TitleWrites.normalize(input);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < clean.tags().size(); i++) {
            if (!known.contains(clean.tags().get(i))) {
                errors.add(new Problem.FieldError("tags[" + i + "]", "unknown tag '" + clean.tags().get(i)
                        + "'; known tags: " + String.join(", ", known)));
            }
        }
        // One link per service: the streaming filter and the gateway read a title's services as a set.
        Set<String> services = new HashSet<>();
        for (int i = 0; i < clean.streaming().size(); i++) {
            String service = clean.streaming().get(i).service();
            if (!services.add(service)) {
                errors.add(new Problem.FieldError("streaming[" + i + "].service", "'" + service
                        + "' is listed twice; give one link per service"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return clean;
    }
}
