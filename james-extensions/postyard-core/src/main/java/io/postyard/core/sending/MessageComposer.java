package io.postyard.core.sending;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.MimeUtility;
import javax.mail.util.ByteArrayDataSource;


/**
 * Builds the MIME of a message sent through a provider API with Jakarta Mail: text, HTML and AMP alternatives, inline parts
 * (referenced as {@code cid:<file name>}) in a related part, attachments in a mixed part.
 */
public final class MessageComposer {
    public static final Session SESSION = Session.getInstance(new Properties());
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    public record Content(InternetAddress from, List<InternetAddress> to, List<InternetAddress> cc, List<InternetAddress> replyTo,
                          String subject, Optional<String> text, Optional<String> html, Optional<String> ampHtml,
                          List<AttachedFile> attachments, List<AttachedFile> inlines, Map<String, String> headers) {
        public Content {
            to = List.copyOf(to);
            cc = List.copyOf(cc);
            replyTo = List.copyOf(replyTo);
            attachments = List.copyOf(attachments);
            inlines = List.copyOf(inlines);
            headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        }
    }

    public static MimeMessage compose(Content content, String messageId) throws MessagingException {
        MimeMessage message = new PresetMessageIdMimeMessage(SESSION);
        message.setHeader("Message-ID", messageId);
        message.setSentDate(new Date());
        message.setFrom(content.from());
        if (!content.to().isEmpty()) {
            message.setRecipients(MimeMessage.RecipientType.TO, content.to().toArray(InternetAddress[]::new));
        }
        if (!content.cc().isEmpty()) {
            message.setRecipients(MimeMessage.RecipientType.CC, content.cc().toArray(InternetAddress[]::new));
        }
        if (!content.replyTo().isEmpty()) {
            message.setReplyTo(content.replyTo().toArray(InternetAddress[]::new));
        }
        message.setSubject(content.subject(), UTF_8);
        for (Map.Entry<String, String> header : content.headers().entrySet()) {
            message.setHeader(header.getKey(), encodeHeader(header.getValue()));
        }
        message.setContent(body(content));
        message.saveChanges();
        return message;
    }

    private static MimeMultipart body(Content content) throws MessagingException {
        MimeBodyPart alternatives = alternatives(content);
        MimeBodyPart withInlines = alternatives;
        if (!content.inlines().isEmpty()) {
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(alternatives);
            for (AttachedFile inline : content.inlines()) {
                related.addBodyPart(file(inline, Part.INLINE));
            }
            withInlines = new MimeBodyPart();
            withInlines.setContent(related);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(withInlines);
        for (AttachedFile attachment : content.attachments()) {
            mixed.addBodyPart(file(attachment, Part.ATTACHMENT));
        }
        return mixed;
    }

    private static MimeBodyPart alternatives(Content content) throws MessagingException {
        List<MimeBodyPart> parts = new ArrayList<>();
        if (content.text().isPresent()) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(content.text().get(), UTF_8, "plain");
            parts.add(text);
        }
        if (content.ampHtml().isPresent()) {
            MimeBodyPart amp = new MimeBodyPart();
            amp.setContent(content.ampHtml().get(), "text/x-amp-html; charset=UTF-8");
            parts.add(amp);
        }
        if (content.html().isPresent()) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(content.html().get(), UTF_8, "html");
            parts.add(html);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        for (MimeBodyPart part : parts) {
            alternative.addBodyPart(part);
        }
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(alternative);
        return wrapper;
    }

    private static MimeBodyPart file(AttachedFile file, String disposition) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        String type = file.contentType().filter(value -> !value.isBlank()).orElse(guessType(file.filename()));
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), type)));
        // Files travel byte for byte: a text file sent as 7bit would have its line endings rewritten to CRLF.
        part.setHeader("Content-Transfer-Encoding", "base64");
        String name = baseName(file.filename());
        part.setFileName(encodeFileName(name));
        part.setDisposition(disposition);
        if (Part.INLINE.equals(disposition)) {
            part.setContentID("<" + name + ">");
        }
        return part;
    }

    /** Browsers and some SDKs send a full client path; only its last segment names the file. */
    public static String baseName(String filename) {
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
            .replaceAll("[\\p{Cntrl}\"<>]", "_");
        return name.isBlank() ? "attachment" : name;
    }

    private static String guessType(String filename) {
        String guessed = java.net.URLConnection.guessContentTypeFromName(filename);
        return guessed == null ? "application/octet-stream" : guessed;
    }

    private static String encodeFileName(String filename) {
        try {
            return MimeUtility.encodeText(filename, UTF_8, null);
        } catch (UnsupportedEncodingException e) {
            return filename;
        }
    }

    private static String encodeHeader(String value) {
        try {
            return MimeUtility.fold(0, MimeUtility.encodeText(value, UTF_8, null));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    private MessageComposer() {
    }
}
