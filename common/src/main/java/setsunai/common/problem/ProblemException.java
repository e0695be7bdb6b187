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
}
