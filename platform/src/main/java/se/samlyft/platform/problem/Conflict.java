package se.samlyft.platform.problem;

/**
 * The request is well-formed but conflicts with the current state of the object, answered with 409: an illegal state
 * transition, a duplicate of something that must be unique. Services may subclass it for their own rules.
 */
public class Conflict extends ProblemException {

    private static final long serialVersionUID = 1L;

    public Conflict(String detail) {
        super(409, detail);
    }
}
