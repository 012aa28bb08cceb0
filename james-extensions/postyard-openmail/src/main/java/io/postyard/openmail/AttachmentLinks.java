package io.postyard.openmail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.inject.Inject;

import io.postyard.core.link.SignedLinks;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.openmail.store.ThreadMessage;

/**
 * Attachment URLs: {@code /v1/attachments/{messageId}/{filename}?expires=<epoch seconds>&signature=<hex>}, valid for
 * {@code POSTYARD_OPENMAIL_ATTACHMENT_URL_TTL} from when they are shown. The signature binds the message, the file
 * name and the expiry, so a URL can be neither extended nor turned to another file.
 */
class AttachmentLinks {
    static final String EXPIRES = "expires";
    static final String SIGNATURE = "signature";

    private final SignedLinks links;
    private final Clock clock;
    private final Duration lifetime;
    private final String base;

    @Inject
    AttachmentLinks(SignedLinks links, Clock clock, PostyardSettings settings) {
        this.links = links;
        this.clock = clock;
        this.lifetime = settings.getDuration(OpenmailSettings.ATTACHMENT_URL_TTL);
        this.base = settings.publicUrl() + OpenmailApi.BASE + "/attachments/";
    }

    String url(ThreadMessage message, ThreadMessage.AttachmentInfo attachment) {
        Instant expiresAt = clock.instant().plus(lifetime);
        return base + message.id() + "/" + URLEncoder.encode(attachment.filename(), StandardCharsets.UTF_8).replace("+", "%20")
            + "?" + EXPIRES + "=" + expiresAt.getEpochSecond() + "&" + SIGNATURE + "=" + links.sign(resource(message.id(), attachment.filename()), expiresAt);
    }

    SignedLinks.Verdict verify(String messageId, String filename, long expiresAt, String signature) {
        return links.verify(resource(messageId, filename), expiresAt, signature, clock.instant());
    }

    private static String resource(String messageId, String filename) {
        return "openmail/attachments/" + messageId + "/" + filename;
    }
}
