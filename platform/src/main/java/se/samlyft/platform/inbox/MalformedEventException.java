package se.samlyft.platform.inbox;

/**
 * A record that is not an event this consumer can apply: required CloudEvents headers missing, data that is not a
 * JSON object, or data that does not fit the consumer's reading of it. Retrying cannot help, so the platform's error
 * handler sends the record to the dead-letter topic at once.
 */
public class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
