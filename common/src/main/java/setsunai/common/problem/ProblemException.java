package setsunai.common.problem;

/** An expected failure with a status and a detail a person can act on (e.g. 404, 409, 412, 503). */
public class ProblemException extends RuntimeException {

    private final int status;

    public ProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    /** 404 for a slug, the same words in every service: what was not found, and how to find the right slug. */
    public static ProblemException noSuch(String noun, String slug, String collectionPath) {
        return notFound("No " + noun + " with slug '" + slug + "'. Search with GET " + collectionPath
                + "?q=... to find the slug.");
    }

    /** 409 for a create whose slug is taken, the same words in every service: how to update it instead. */
    public static ProblemException slugTaken(String noun, String slug, String collectionPath) {
        String article = "aeiou".indexOf(noun.charAt(0)) >= 0 ? "An " : "A ";
        return new ProblemException(409, article + noun + " with slug '" + slug + "' already exists. Update it with PUT "
                + collectionPath + "/" + slug + " (If-Match: its ETag), or choose another slug.");
    }
}
