package io.postyard.mailets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.postyard.core.dkim.DkimKey;
import io.postyard.core.domain.DomainService;
import io.postyard.core.sending.OutboundMetadata;

/**
 * Signs outgoing mail with its sending domain's own DKIM key, through jdkim. Runs last before delivery: any later
 * change to the signed headers or body would break the signature. {@code o:dkim=no} skips it.
 */
public class SignWithDomainDkim extends GenericMailet {
    static final String SIGNED_HEADERS = "from:to:cc:reply-to:subject:date:message-id:mime-version:content-type:list-unsubscribe:list-unsubscribe-post";

    private final DomainService domains;

    @Inject
    public SignWithDomainDkim(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<OutboundMetadata> metadata = OutboundMetadata.of(mail);
        if (metadata.isEmpty() || !metadata.get().dkim().orElse(true)) {
            return;
        }
        Optional<DkimKey> key = domains.dkimKey(Domain.of(metadata.get().domain()));
        if (key.isEmpty()) {
            return;
        }
        MimeMessage message = mail.getMessage();
        // Date is a signed header; left to James, it would be added when the message is next written, after signing.
        if (message.getHeader("Date") == null) {
            message.setSentDate(new Date());
        }
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.get().domain().asString()
            + "; s=" + key.get().selector() + "; h=" + SIGNED_HEADERS + "; bh=; b=;";
        try {
            DKIMSigner signer = new DKIMSigner(template, privateKey(key.get()));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            String signature = signer.sign(new ByteArrayInputStream(raw.toByteArray()));
            prepend(message, signature);
        } catch (IOException | FailException e) {
            throw new MessagingException("DKIM signing failed for " + key.get().domain().asString(), e);
        }
    }

    private static PrivateKey privateKey(DkimKey key) throws MessagingException {
        String base64 = key.privateKeyPem()
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
        try {
            return DKIMSigner.getPrivateKey(base64);
        } catch (Exception e) {
            throw new MessagingException("Unreadable DKIM key of " + key.domain().asString(), e);
        }
    }

    /** Jakarta Mail only appends headers; a signature belongs on top, so the others are written again after it. */
    private static void prepend(MimeMessage message, String headerLine) throws MessagingException {
        List<String> lines = Collections.list(message.getAllHeaderLines());
        List<String> names = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            names.add(header.getName());
        }
        for (String name : names) {
            message.removeHeader(name);
        }
        message.addHeaderLine(headerLine);
        for (String line : lines) {
            message.addHeaderLine(line);
        }
    }
}
