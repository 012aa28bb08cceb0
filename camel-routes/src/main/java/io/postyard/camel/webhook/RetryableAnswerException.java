package io.postyard.camel.webhook;

/** The receiver answered with a status its scheme retries: neither success nor a final refusal. */
public class RetryableAnswerException extends RuntimeException {
    private final int statusCode;

    public RetryableAnswerException(int statusCode) {
        super("HTTP " + statusCode);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
