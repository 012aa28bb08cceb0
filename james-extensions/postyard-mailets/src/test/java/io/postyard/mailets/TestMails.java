package io.postyard.mailets;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;

import io.postyard.core.account.AccountId;
import io.postyard.core.sending.OutboundMetadata;

/** Mails as the mailets meet them: a parsed message, recipients, and for outgoing mail its Postyard metadata. */
final class TestMails {
    static final AccountId ACCOUNT = new AccountId("acct-1");
    static final String DOMAIN = "sender.test";
    static final String MESSAGE_ID = "<msg-1@sender.test>";

    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestMails() {
    }

    /**
     * Parses a message written with bare newlines. It is wrapped as James wraps the messages it hands to mailets, whose
     * {@code saveChanges} keeps the Message-ID where a plain MimeMessage would replace it.
     */
    static MimeMessage message(String raw) throws MessagingException {
        byte[] bytes = raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        MimeMessage parsed = new MimeMessage(Session.getDefaultInstance(new Properties()), new ByteArrayInputStream(bytes));
        return new MimeMessageWrapper(parsed);
    }

    /**
     * Dated, as every message is by the time it is signed (the API composer dates it, and James dates SMTP mail when an
     * earlier mailet saves it): the DKIM signature covers the Date header.
     */
    static MimeMessage plainMessage() throws MessagingException {
        return message("""
            From: news@sender.test
            To: reader@far.example
            Subject: Hello
            Date: Sun, 1 Mar 2026 10:00:00 +0000
            Message-ID: <msg-1@sender.test>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8

            hello
            """);
    }

    static OutboundMetadata.Builder metadata() {
        return OutboundMetadata.builder(ACCOUNT, Domain.of(DOMAIN), MESSAGE_ID)
            .from(Optional.of("news@sender.test"))
            .subject(Optional.of("Hello"))
            .size(120);
    }

    static FakeMail mail(MimeMessage message, String... recipients) throws MessagingException {
        return FakeMail.builder()
            .name("mail-" + NAMES.incrementAndGet())
            .sender("news@sender.test")
            .recipients(recipients)
            .mimeMessage(message)
            .state(Mail.DEFAULT)
            .build();
    }

    static FakeMail outbound(OutboundMetadata metadata, String... recipients) throws MessagingException {
        FakeMail mail = mail(plainMessage(), recipients);
        mail.setAttribute(metadata.asAttribute());
        return mail;
    }

    static FakeMail outbound(String... recipients) throws MessagingException {
        return outbound(metadata().build(), recipients);
    }

    static List<String> addresses(Collection<MailAddress> recipients) {
        return recipients.stream().map(MailAddress::asString).toList();
    }
}
