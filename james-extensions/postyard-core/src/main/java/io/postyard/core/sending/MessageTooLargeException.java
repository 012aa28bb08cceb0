package io.postyard.core.sending;

/** The composed message (headers, bodies, encoded attachments) is larger than a send may be. */
public class MessageTooLargeException extends RuntimeException {
    public MessageTooLargeException(long size, long limit) {
        super("The message is " + size + " bytes once composed (attachments are base64-encoded), more than the limit of "
            + limit + " bytes");
    }
}
