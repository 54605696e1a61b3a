package se.samlyft.platform.problem;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A value the client sent breaks a rule, answered with 400 whose {@code errors} name the field and the message. Value
 * records may throw it from their compact constructor: it is an {@link IllegalArgumentException}, so code that does
 * not know the platform still reads it as one. A plain {@code IllegalArgumentException} is treated as a defect (500).
 */
public class InvalidInput extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String field;

    /** A broken rule of {@code field}; the message reads well after the field name, e.g. "must not be empty". */
    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** A broken rule that concerns the request as a whole rather than one field. */
    public InvalidInput(String message) {
        super(message);
        this.field = null;
    }

    /** The field the rule concerns, as the client named it. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The message, never null. */
    public String reason() {
        String message = getMessage();
        return message == null ? "" : message;
    }
}
