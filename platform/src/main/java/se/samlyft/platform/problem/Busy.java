package se.samlyft.platform.problem;

/**
 * The service has more of this work waiting than it takes on, or the work did not come up in time: 503, and trying
 * again shortly is the remedy. Nothing was done.
 */
public class Busy extends ProblemException {

    private static final long serialVersionUID = 1L;

    public Busy(String detail) {
        super(503, detail);
    }
}
