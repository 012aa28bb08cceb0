package io.postyard.mailgun.inbound;

import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * How many times routes and mailing lists already sent a message on, counted in a header of the message: mail they
 * passed on {@value #MAX} times is not passed on again, so routes and lists that lead to each other stop.
 */
public final class RouteHops {
    static final String HEADER = "X-Postyard-Route-Hops";
    public static final int MAX = 3;

    public static int of(MimeMessage message) throws MessagingException {
        try {
            return Optional.ofNullable(message.getHeader(HEADER, null)).map(String::trim).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return MAX;
        }
    }

    public static boolean exhausted(MimeMessage message) throws MessagingException {
        return of(message) >= MAX;
    }

    /** Counts one more pass on a copy about to be sent on. */
    public static void count(MimeMessage copy) throws MessagingException {
        copy.setHeader(HEADER, Integer.toString(of(copy) + 1));
    }

    private RouteHops() {
    }
}
