package io.postyard.core.sending;

/** A message names, in its envelope sender, {@code From} or {@code Sender}, an address its sender may not use. */
public class SenderNotAllowedException extends RuntimeException {
    private final String field;

    public SenderNotAllowedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code from}, {@code sender} or {@code envelope}. */
    public String field() {
        return field;
    }
}
