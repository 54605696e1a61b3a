package se.samlyft.platform.problem;

/**
 * The object named does not exist for the caller, answered with 404. An object of another tenant is not found either:
 * throw this, not a refusal, so that its existence is not leaked.
 */
public class NotFound extends ProblemException {

    private static final long serialVersionUID = 1L;

    public NotFound(String detail) {
        super(404, detail);
    }

    /** "No {@code kind} {@code id} exists." */
    public static NotFound of(String kind, Object id) {
        return new NotFound("No " + kind + " " + id + " exists.");
    }
}
