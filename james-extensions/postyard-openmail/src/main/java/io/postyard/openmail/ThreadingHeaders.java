package io.postyard.openmail;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.internet.InternetHeaders;

/**
 * What threads a received message: the ids in its {@code In-Reply-To} and {@code References} headers (RFC 5322
 * section 3.6.4), read from the header block alone.
 */
record ThreadingHeaders(List<String> inReplyTo, List<String> references) {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    ThreadingHeaders {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
    }

    static ThreadingHeaders of(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            return new ThreadingHeaders(ids(headers.getHeader("In-Reply-To", " ")), ids(headers.getHeader("References", " ")));
        } catch (MessagingException e) {
            return new ThreadingHeaders(List.of(), List.of());
        }
    }

    /** The messages this one may answer, the likeliest first: the one it replies to, then its references, newest first. */
    List<String> parentCandidates() {
        List<String> candidates = new ArrayList<>(inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!candidates.contains(references.get(i))) {
                candidates.add(references.get(i));
            }
        }
        return candidates;
    }

    static List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        if (value != null) {
            Matcher matcher = MESSAGE_ID.matcher(value);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    /** The first message id of a header value, such as a Message-ID. */
    static Optional<String> firstId(String value) {
        return ids(value).stream().findFirst();
    }

    /** The bare address of a From or To value, {@code Name <a@b>} or {@code a@b}. */
    static String bareAddress(String value) {
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        return open >= 0 && close > open ? value.substring(open + 1, close).trim() : value.trim();
    }
}
