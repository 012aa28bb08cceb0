package io.postyard.opensrs;

/** OMA's {@code error_number}s, as the real service numbers them. */
public enum OmaError {
    SERVER(0),
    BAD_CREDENTIALS(1),
    NOT_FOUND(2),
    IS_ALIAS(3),
    NO_PERMISSION(4),
    MALFORMED_REQUEST(5),
    MALFORMED_ATTRIBUTE(6),
    EXISTS(7);

    private final int number;

    OmaError(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
