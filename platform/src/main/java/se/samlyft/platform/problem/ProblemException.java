package se.samlyft.platform.problem;

/**
 * A refusal that the platform answers with a problem of {@link #status()}, whose detail is this exception's message.
 * The message is shown to the client, so it states what is wrong in words a client understands and holds no internals.
 */
public abstract class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    protected ProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    protected ProblemException(int status, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The detail of the answer: what the client can do about it, never internals. */
    public String detail() {
        String message = getMessage();
        return message == null ? "" : message;
    }
}
