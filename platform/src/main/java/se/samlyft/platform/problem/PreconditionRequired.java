package se.samlyft.platform.problem;

/** An update that must name the version it changes came without {@code If-Match}, answered with 428. */
public class PreconditionRequired extends ProblemException {

    private static final long serialVersionUID = 1L;

    public PreconditionRequired(String detail) {
        super(428, detail);
    }
}
