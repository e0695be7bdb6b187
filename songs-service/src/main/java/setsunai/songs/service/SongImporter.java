package setsunai.songs.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;
import setsunai.common.problem.ProblemException;
import setsunai.common.web.ImportReport;
import setsunai.common.web.NdjsonLines;
import setsunai.songs.rest.SongInput;

/** NDJSON import: each line is validated, then upserted by slug in its own transaction. */
@ApplicationScoped
public class SongImporter {

    private static final Logger LOG = Logger.getLogger(SongImporter.class);

    @Inject
    SongService songs;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** Not transactional itself: a failed line rolls back alone. */
    public ImportReport run(String body) {
        String[] raw = body == null ? new String[0] : body.split("\\r?\\n");
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<ImportReport.RejectedLine> rejected = new ArrayList<>();
        for (var line : NdjsonLines.read(body, SongInput.class, mapper, validator)) {
            List<Problem.FieldError> errors = line.errors();
            if (line.valid() && (line.value().slug() == null)) {
                errors = List.of(new Problem.FieldError("slug", "must not be blank"));
            }
            if (errors.isEmpty()) {
                try {
                    switch (songs.upsert(line.value()).outcome()) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                    }
                    continue;
                } catch (InvalidInputException e) {
                    errors = e.errors();
                } catch (ProblemException e) {
                    errors = List.of(new Problem.FieldError("", e.getMessage()));
                } catch (PersistenceException e) {
                    LOG.warnf(e, "Import line %d could not be stored", line.number());
                    errors = List.of(new Problem.FieldError("", "could not be stored (a concurrent write?); retry the line"));
                }
            }
            rejected.add(new ImportReport.RejectedLine(line.number(), slugOf(raw[line.number() - 1]), errors));
        }
        return new ImportReport(created, updated, unchanged, rejected);
    }

    /** The slug of a line, even an invalid one, so the report names what it rejected. */
    private String slugOf(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            return node != null && node.path("slug").isTextual() ? node.get("slug").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
