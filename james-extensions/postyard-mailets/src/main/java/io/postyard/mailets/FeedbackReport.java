package io.postyard.mailets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.ContentType;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeMessage;

/**
 * What a report sent back to us says, read from its {@code multipart/report} structure: a delivery status
 * notification (RFC 3464) with one block per recipient, or an abuse feedback report (RFC 5965), and in both cases the
 * Message-ID of the message it is about.
 */
public record FeedbackReport(Kind kind, Optional<String> originalMessageId, List<RecipientStatus> recipients) {
    public enum Kind {
        DELIVERY_STATUS,
        ABUSE
    }

    /** One recipient of a report: its address, the DSN action and status, and the remote server's words. */
    public record RecipientStatus(String address, String action, Optional<String> status, String diagnostic) {
    }

    public static Optional<FeedbackReport> parse(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        String reportType = Optional.ofNullable(new ContentType(message.getContentType()).getParameter("report-type"))
            .orElse("").toLowerCase(Locale.ROOT);
        Multipart parts = (Multipart) message.getContent();
        return switch (reportType) {
            case "delivery-status" -> Optional.of(deliveryStatus(parts));
            case "feedback-report" -> Optional.of(abuse(parts));
            default -> Optional.empty();
        };
    }

    private static FeedbackReport deliveryStatus(Multipart parts) throws MessagingException, IOException {
        List<RecipientStatus> recipients = new ArrayList<>();
        for (BodyPart part : list(parts)) {
            if (part.isMimeType("message/delivery-status")) {
                List<InternetHeaders> blocks = blocks(raw(part));
                for (InternetHeaders block : blocks.subList(Math.min(1, blocks.size()), blocks.size())) {
                    Optional<String> recipient = address(block.getHeader("Final-Recipient", null))
                        .or(() -> address(block.getHeader("Original-Recipient", null)));
                    recipient.ifPresent(address -> recipients.add(new RecipientStatus(address,
                        Optional.ofNullable(block.getHeader("Action", null)).orElse("failed").trim().toLowerCase(Locale.ROOT),
                        Optional.ofNullable(block.getHeader("Status", null)).map(String::trim),
                        Optional.ofNullable(block.getHeader("Diagnostic-Code", null)).map(FeedbackReport::withoutType).orElse(""))));
                }
            }
        }
        return new FeedbackReport(Kind.DELIVERY_STATUS, originalMessageId(parts), recipients);
    }

    private static FeedbackReport abuse(Multipart parts) throws MessagingException, IOException {
        List<RecipientStatus> recipients = new ArrayList<>();
        Optional<String> originalMessageId = originalMessageId(parts);
        for (BodyPart part : list(parts)) {
            if (part.isMimeType("message/feedback-report")) {
                InternetHeaders fields = new InternetHeaders(new ByteArrayInputStream(raw(part)));
                String type = Optional.ofNullable(fields.getHeader("Feedback-Type", null)).orElse("abuse").trim();
                String[] originals = fields.getHeader("Original-Rcpt-To");
                if (originals != null) {
                    for (String original : originals) {
                        recipients.add(new RecipientStatus(strip(original), "complained", Optional.empty(), type));
                    }
                }
            }
        }
        if (recipients.isEmpty()) {
            originalHeaders(parts).flatMap(headers -> Optional.ofNullable(headers.getHeader("To", ",")))
                .map(FeedbackReport::strip)
                .ifPresent(to -> recipients.add(new RecipientStatus(to, "complained", Optional.empty(), "abuse")));
        }
        return new FeedbackReport(Kind.ABUSE, originalMessageId, recipients);
    }

    private static Optional<String> originalMessageId(Multipart parts) throws MessagingException, IOException {
        return originalHeaders(parts).flatMap(headers -> Optional.ofNullable(headers.getHeader("Message-ID", null))).map(String::trim);
    }

    /** The returned message or its headers: a {@code message/rfc822} or {@code text/rfc822-headers} part. */
    private static Optional<InternetHeaders> originalHeaders(Multipart parts) throws MessagingException, IOException {
        for (BodyPart part : list(parts)) {
            if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                return Optional.of(new InternetHeaders(new ByteArrayInputStream(raw(part))));
            }
        }
        return Optional.empty();
    }

    private static List<BodyPart> list(Multipart parts) throws MessagingException {
        List<BodyPart> list = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            list.add(parts.getBodyPart(i));
        }
        return list;
    }

    /** The part's content as bytes, undecoded into objects: these report types are header blocks. */
    private static byte[] raw(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof MimeMessage embedded) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            embedded.writeTo(out);
            return out.toByteArray();
        }
        if (content instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try (InputStream in = part.getInputStream()) {
            return org.apache.commons.io.IOUtils.toByteArray(in);
        }
    }

    /** Header blocks separated by empty lines, as in {@code message/delivery-status}. */
    private static List<InternetHeaders> blocks(byte[] content) throws MessagingException {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<InternetHeaders> blocks = new ArrayList<>();
        for (String block : text.split("\n\\s*\n")) {
            if (!block.isBlank()) {
                blocks.add(new InternetHeaders(new ByteArrayInputStream((block.strip() + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            }
        }
        return Collections.unmodifiableList(blocks);
    }

    private static Optional<String> address(String typedAddress) {
        return Optional.ofNullable(typedAddress).map(FeedbackReport::withoutType).map(FeedbackReport::strip).filter(value -> value.contains("@"));
    }

    /** {@code rfc822; bob@example.com} and {@code smtp; 550 ...} carry a type before the semicolon. */
    private static String withoutType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(semicolon + 1)).trim();
    }

    private static String strip(String address) {
        String trimmed = address.trim();
        int start = trimmed.indexOf('<');
        int end = trimmed.indexOf('>');
        return start >= 0 && end > start ? trimmed.substring(start + 1, end) : trimmed;
    }
}
