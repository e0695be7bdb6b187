package setsunai.common.web;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import setsunai.common.problem.Problem;

/** What an NDJSON import did: counts, and each rejected line with why. Good lines are kept even when others fail. */
@Schema(description = "The outcome of an NDJSON import: good lines are stored even when others are rejected.")
public record ImportReport(
        @Schema(description = "Lines that created a new resource.", examples = "3") int created,
        @Schema(description = "Lines that updated an existing resource (same slug).", examples = "1") int updated,
        @Schema(description = "Lines that changed nothing (identical to what is stored).", examples = "0") int unchanged,
        @Schema(description = "Lines that were rejected, with their errors.") List<RejectedLine> rejected) {

    /** What storing one good line did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** Counts an import as it goes, in line order. */
    public static final class Tally {
        private int created;
        private int updated;
        private int unchanged;
        private final List<RejectedLine> rejected = new ArrayList<>();

        public void count(Outcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        public void reject(int line, String slug, List<Problem.FieldError> errors) {
            rejected.add(new RejectedLine(line, slug, errors));
        }

        public ImportReport report() {
            return new ImportReport(created, updated, unchanged, List.copyOf(rejected));
        }
    }

    @Schema(description = "A rejected NDJSON line.")
    public record RejectedLine(
            @Schema(description = "1-based line number in the request body.", examples = "2") int line,
            @Schema(description = "The slug of the line, when it could be read.", examples = "your-lie-in-april") String slug,
            @Schema(description = "What is wrong with the line.") List<Problem.FieldError> errors) {
    }
}
