package setsunai.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import setsunai.catalog.api.TitleInput;
import setsunai.catalog.api.TitleView;
import setsunai.catalog.store.CatalogQueries;
import setsunai.catalog.store.Title;
import setsunai.catalog.store.TitleRepository;
import setsunai.common.problem.DatabaseUnavailable;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.ImportReport;
import setsunai.common.web.NdjsonLines;
import setsunai.common.web.Preconditions;

/** Editing the catalogue: create, replace (optimistically locked), delete, and NDJSON import. */
@ApplicationScoped
public class TitleEditor {

    private static final Logger LOG = Logger.getLogger(TitleEditor.class);

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Saved(TitleView title, Outcome outcome) {
    }

    @Inject
    TitleRepository titles;

    @Inject
    CatalogQueries queries;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Transactional
    @CacheInvalidateAll(cacheName = "search-totals")
    public TitleView create(TitleInput input) {
        TitleInput clean = checked(input);
        titles.lockSlug(clean.slug()); // a concurrent POST or import of this slug waits here, then sees it exists
        if (titles.findBySlug(clean.slug()).isPresent()) {
            throw conflict(clean.slug());
        }
        Title title = new Title();
        TitleMapper.apply(clean, title);
        try {
            titles.persistAndFlush(title);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw conflict(clean.slug()); // created by a write that does not take the slug lock
            }
            throw e;
        }
        return TitleMapper.toView(title);
    }

    /** Replaces a title if the client saw its current version (If-Match); 412 if someone else changed it first. */
    @Transactional
    @CacheInvalidateAll(cacheName = "search-totals")
    public TitleView replace(String slug, long expectedVersion, TitleInput input) {
        TitleInput clean = checked(input);
        if (!slug.equals(clean.slug())) {
            throw new InvalidInputException("slug", "must be '" + slug + "' as in the path; slugs cannot be renamed "
                    + "(songs refer to titles by slug). Create a new title and delete this one instead.");
        }
        Title title = find(slug);
        Preconditions.requireVersion(expectedVersion, title.version);
        if (!TitleMapper.toInput(title).equals(clean)) {
            TitleMapper.apply(clean, title);
            flushOr412();
        }
        return TitleMapper.toView(title);
    }

    /** Deletes a title; with an If-Match version, only if it is still that version. */
    @Transactional
    @CacheInvalidateAll(cacheName = "search-totals")
    public void delete(String slug, Long expectedVersion) {
        Title title = find(slug);
        if (expectedVersion != null) {
            Preconditions.requireVersion(expectedVersion, title.version);
        }
        titles.delete(title);
        flushOr412();
    }

    /** Each line is its own transaction, so a bad line (or a failing write) never loses the good ones. */
    @CacheInvalidateAll(cacheName = "search-totals")
    public ImportReport importLines(String body) {
        List<NdjsonLines.Line<TitleInput>> lines = NdjsonLines.read(body, TitleInput.class, mapper, validator);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<ImportReport.RejectedLine> rejected = new ArrayList<>();
        for (NdjsonLines.Line<TitleInput> line : lines) {
            String slug = line.slug();
            if (!line.valid()) {
                rejected.add(new ImportReport.RejectedLine(line.number(), slug, line.errors()));
                continue;
            }
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> upsert(line.value()));
                switch (outcome) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (InvalidInputException e) {
                rejected.add(new ImportReport.RejectedLine(line.number(), slug, e.errors()));
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.isCause(e)) {
                    throw e; // every later line would fail too: a 503, and the whole import can be sent again
                }
                LOG.warnf(e, "Import line %d (%s) could not be stored", line.number(), slug);
                rejected.add(new ImportReport.RejectedLine(line.number(), slug,
                        List.of(new Problem.FieldError("", storeFailure(e)))));
            }
        }
        return new ImportReport(created, updated, unchanged, rejected);
    }

    private Outcome upsert(TitleInput input) {
        TitleInput clean = checked(input);
        // Concurrent upserts of one slug take turns (slug lock), and a PUT or DELETE waits for the row (row lock).
        titles.lockSlug(clean.slug());
        Title title = titles.findBySlugForUpdate(clean.slug()).orElse(null);
        if (title == null) {
            title = new Title();
            TitleMapper.apply(clean, title);
            titles.persistAndFlush(title);
            return Outcome.CREATED;
        }
        if (TitleMapper.toInput(title).equals(clean)) {
            return Outcome.UNCHANGED;
        }
        TitleMapper.apply(clean, title);
        titles.flush();
        return Outcome.UPDATED;
    }


    /** Normalised input whose tags are all in the vocabulary (a field error names the known ones otherwise). */
    private TitleInput checked(TitleInput input) {
        TitleInput clean = TitleMapper.normalize(input);
        List<String> known = queries.tagSlugs();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < clean.tags().size(); i++) {
            if (!known.contains(clean.tags().get(i))) {
                errors.add(new Problem.FieldError("tags[" + i + "]", "unknown tag '" + clean.tags().get(i)
                        + "'; known tags: " + String.join(", ", known)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return clean;
    }

    private void flushOr412() {
        try {
            titles.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw Preconditions.stale();
        }
    }

    private Title find(String slug) {
        return titles.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No title with slug '" + slug + "'."));
    }

    private static ProblemException conflict(String slug) {
        return new ProblemException(409, "A title with slug '" + slug + "' already exists. Update it with "
                + "PUT /api/titles/" + slug + " (If-Match: its ETag), or choose another slug.");
    }

    /** Why a line failed, in words for the editor: the database's own text (SQL, constraints) goes to the log. */
    private static String storeFailure(RuntimeException e) {
        if (isUniqueViolation(e)) {
            return "could not be stored: another title already uses this slug";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return "could not be stored: another write changed this title at the same time; retry the line";
            }
        }
        return "could not be stored; retry the line, and report it (with the X-Request-Id header) if it fails again";
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
