package io.postyard.mailets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Username;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.sending.OutboundMetadata;
import io.postyard.core.sending.UserVariablesHeader;
import io.postyard.core.webhook.WebhookUrlPolicy;

/**
 * Gives mail submitted over SMTP the metadata API mail already has, read from Mailgun's SMTP headers
 * ({@code X-Mailgun-Tag}, {@code X-Mailgun-Variables}, {@code X-Mailgun-Drop-Message}, {@code X-Mailgun-Track*},
 * {@code X-Mailgun-Dkim}, and {@code X-Mailgun-Callback-URL} for a per-message webhook), which are then removed. Mail from a domain that may not send is bounced to its sender.
 */
public class AttachSubmissionMetadata extends GenericMailet {
    private static final String PREFIX = "X-Mailgun-";

    private final DomainService domains;

    @Inject
    public AttachSubmissionMetadata(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (OutboundMetadata.of(mail).isPresent()) {
            return;
        }
        Optional<MailDomain> domain = mail.getAttribute(Mail.SMTP_AUTH_USER)
            .flatMap(attribute -> attribute.getValue().valueAs(String.class))
            .flatMap(user -> Username.of(user).getDomainPart())
            .flatMap(domains::find);
        if (domain.isEmpty()) {
            return;
        }
        if (!domain.get().canSend()) {
            getMailetContext().bounce(mail, "Domain " + domain.get().name().asString() + " is "
                + domain.get().state().asString() + " and cannot send");
            mail.setState(Mail.GHOST);
            return;
        }
        MimeMessage message = mail.getMessage();
        String messageId = Optional.ofNullable(message.getMessageID()).orElseGet(() -> {
            String generated = "<" + UUID.randomUUID() + "@" + domain.get().name().asString() + ">";
            try {
                message.setHeader("Message-ID", generated);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
            return generated;
        });
        OutboundMetadata metadata = OutboundMetadata.builder(domain.get().account(), domain.get().name(), messageId)
            .from(Optional.ofNullable(message.getHeader("From", ",")))
            .subject(Optional.ofNullable(message.getSubject()))
            .tags(tags(message))
            .variables(variables(message))
            .testMode(yes(message, "Drop-Message").orElse(false))
            .trackOpens(yes(message, "Track-Opens").or(() -> yes(message, "Track")))
            .trackClicks(yes(message, "Track-Clicks").or(() -> yes(message, "Track")))
            .dkim(yes(message, "Dkim"))
            .callbackUrl(callbackUrl(message))
            .size(mail.getMessageSize())
            .build();
        removeMailgunHeaders(message);
        message.saveChanges();
        mail.setAttribute(metadata.asAttribute());
    }

    private static List<String> tags(MimeMessage message) throws MessagingException {
        List<String> tags = new ArrayList<>();
        String[] values = message.getHeader(PREFIX + "Tag");
        if (values != null) {
            for (String value : values) {
                tags.add(value.trim());
            }
        }
        return tags;
    }

    private static Map<String, String> variables(MimeMessage message) throws MessagingException {
        Map<String, String> variables = new LinkedHashMap<>();
        String[] values = message.getHeader(UserVariablesHeader.NAME);
        if (values == null) {
            return variables;
        }
        for (String value : values) {
            variables.putAll(UserVariablesHeader.parse(value));
        }
        return variables;
    }

    /** The per-message webhook; refused addresses are caught again before each delivery. */
    private static Optional<String> callbackUrl(MimeMessage message) throws MessagingException {
        return Optional.ofNullable(message.getHeader(PREFIX + "Callback-URL", ","))
            .flatMap(WebhookUrlPolicy::parseHttpUrl)
            .map(java.net.URI::toString);
    }

    private static Optional<Boolean> yes(MimeMessage message, String name) {
        try {
            return Optional.ofNullable(message.getHeader(PREFIX + name, ","))
                .map(value -> value.trim().equalsIgnoreCase("yes") || value.trim().equalsIgnoreCase("true"));
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static void removeMailgunHeaders(MimeMessage message) throws MessagingException {
        List<String> names = new ArrayList<>();
        java.util.Enumeration<javax.mail.Header> headers = message.getAllHeaders();
        while (headers.hasMoreElements()) {
            String name = headers.nextElement().getName();
            if (name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                names.add(name);
            }
        }
        for (String name : names) {
            message.removeHeader(name);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Postyard metadata for SMTP submissions";
    }

}
