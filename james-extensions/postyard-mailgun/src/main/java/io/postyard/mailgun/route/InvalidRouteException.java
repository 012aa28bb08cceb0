package io.postyard.mailgun.route;

/** An expression or action Mailgun would refuse; its message says what is wrong. */
public class InvalidRouteException extends RuntimeException {
    public InvalidRouteException(String message) {
        super(message);
    }
}
