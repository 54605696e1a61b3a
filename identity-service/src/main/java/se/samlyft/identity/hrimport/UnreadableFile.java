package se.samlyft.identity.hrimport;

import se.samlyft.platform.problem.InvalidInput;

/** The uploaded file cannot be read as an HR export at all: wrong encoding, not text, no usable header. */
public final class UnreadableFile extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public UnreadableFile(String message) {
        super("file", message);
    }
}
