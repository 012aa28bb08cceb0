package io.postyard.mailgun.list;

/** A list or member request Mailgun would refuse, with its message. */
public class InvalidListRequestException extends RuntimeException {
    public InvalidListRequestException(String message) {
        super(message);
    }
}
