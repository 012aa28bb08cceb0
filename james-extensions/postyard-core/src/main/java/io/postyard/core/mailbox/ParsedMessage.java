package io.postyard.core.mailbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.FieldName;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * A received message taken apart with mime4j, permissively (mail from the internet is often malformed): its
 * addresses, subject, first text and HTML bodies, and every other part as an attachment, in document order.
 */
public record ParsedMessage(Optional<String> from, List<String> to, List<String> cc, Optional<String> subject,
                            Optional<String> messageId, Optional<String> text, Optional<String> html,
                            List<ParsedAttachment> attachments) {
    public record ParsedAttachment(int index, String filename, String contentType, boolean inline, Optional<String> contentId,
                                   byte[] content) {
    }

    public ParsedMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }

    public static ParsedMessage parse(byte[] raw) {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        try {
            Message message = builder.parseMessage(new ByteArrayInputStream(raw));
            Parts parts = new Parts();
            parts.collect(message);
            return new ParsedMessage(
                Optional.ofNullable(message.getFrom()).filter(list -> !list.isEmpty()).map(list -> format(list.get(0))),
                addresses(message.getTo()), addresses(message.getCc()),
                Optional.ofNullable(message.getSubject()),
                header(message, FieldName.MESSAGE_ID),
                Optional.ofNullable(parts.text), Optional.ofNullable(parts.html), parts.attachments);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable message", e);
        }
    }

    private static final class Parts {
        private String text;
        private String html;
        private final List<ParsedAttachment> attachments = new ArrayList<>();

        void collect(Entity entity) throws IOException {
            Body body = entity.getBody();
            if (body instanceof Multipart multipart) {
                for (Entity part : multipart.getBodyParts()) {
                    collect(part);
                }
                return;
            }
            boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType()) || entity.getFilename() != null;
            if (!attachment && body instanceof TextBody textBody && "text/plain".equalsIgnoreCase(entity.getMimeType()) && text == null) {
                text = read(textBody);
                return;
            }
            if (!attachment && body instanceof TextBody textBody && "text/html".equalsIgnoreCase(entity.getMimeType()) && html == null) {
                html = read(textBody);
                return;
            }
            if (entity.getParent() == null && body instanceof TextBody) {
                return;
            }
            attachments.add(new ParsedAttachment(attachments.size(), filename(entity), entity.getMimeType(),
                "inline".equalsIgnoreCase(entity.getDispositionType()),
                Optional.ofNullable(entity.getHeader().getField(FieldName.CONTENT_ID)).map(Field::getBody).map(String::trim),
                bytes(body)));
        }

        private String filename(Entity entity) {
            return Optional.ofNullable(entity.getFilename())
                .map(name -> DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT))
                .orElse("part-" + (attachments.size() + 1));
        }

        private static String read(TextBody body) throws IOException {
            try (Reader reader = body.getReader()) {
                StringWriter out = new StringWriter();
                reader.transferTo(out);
                return out.toString();
            }
        }

        private static byte[] bytes(Body body) throws IOException {
            if (body instanceof SingleBody single) {
                try (InputStream in = single.getInputStream()) {
                    return in.readAllBytes();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (body instanceof Message nested) {
                new DefaultMessageWriter().writeMessage(nested, out);
            }
            return out.toByteArray();
        }
    }

    private static Optional<String> header(Message message, String name) {
        return Optional.ofNullable(message.getHeader().getField(name)).map(Field::getBody).map(String::trim);
    }

    private static List<String> addresses(AddressList list) {
        List<String> result = new ArrayList<>();
        if (list != null) {
            for (Address address : list) {
                if (address instanceof Mailbox mailbox) {
                    result.add(format(mailbox));
                } else if (address instanceof Group group) {
                    MailboxList members = group.getMailboxes();
                    members.forEach(member -> result.add(format(member)));
                }
            }
        }
        return result;
    }

    private static String format(Mailbox mailbox) {
        return mailbox.getName() == null || mailbox.getName().isBlank()
            ? mailbox.getAddress()
            : mailbox.getName() + " <" + mailbox.getAddress() + ">";
    }
}
