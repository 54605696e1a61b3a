package se.samlyft.platform.problem;

/** The {@code If-Match} of an update names a version that is no longer the current one, answered with 412. */
public class PreconditionFailed extends ProblemException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailed(String detail) {
        super(412, detail);
    }
}
