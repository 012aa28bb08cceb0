package io.postyard.mailgun.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.james.core.Domain;

import io.postyard.core.webhook.RetrySchedule;
import io.postyard.core.webhook.SignedRequest;
import io.postyard.core.webhook.WebhookScheme;
import io.postyard.core.webhook.WebhookSigner;
import io.postyard.http.Json;
import io.postyard.mailgun.MailgunSignature;

/**
 * Renders each attempt of a route's post from the stored message: the outbox holds only which message and in which
 * form ({@link Post}), so a 25 MB message is not copied into it. The form is {@code multipart/form-data} as a browser
 * posts it, with a new {@code timestamp}, {@code token} and {@code signature} on every attempt.
 */
public class RoutePostSigner implements WebhookSigner {
    public static final String SCHEME = "mailgun-route";
    /** Mailgun's schedule for route posts (8 hours in all); a 406 ends it. Bodies are large: 30 seconds to answer. */
    static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(Duration.ofMinutes(10), Duration.ofMinutes(10),
        Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4)),
        Set.of(406), Duration.ofSeconds(30));

    /** How a route's post shows the message. */
    public enum Format {
        PARSED, MIME, NOTIFICATION
    }

    /** The outbox payload of one post. */
    public record Post(String domain, String key, Format format, String messageUrl) {
        byte[] toJson() {
            return Json.write(this).getBytes(StandardCharsets.UTF_8);
        }

        static Post fromJson(byte[] payload) {
            try {
                return Json.MAPPER.readValue(payload, Post.class);
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable route post", e);
            }
        }
    }

    private final ReceivedMessageStore messages;
    private final Clock clock;

    @Inject
    public RoutePostSigner(ReceivedMessageStore messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public WebhookScheme scheme() {
        return new WebhookScheme(SCHEME, this, SCHEDULE);
    }

    @Override
    public SignedRequest sign(byte[] payload, String eventId, String secret, Instant now) {
        Post post = Post.fromJson(payload);
        ReceivedMessage message = messages.get(Domain.of(post.domain()), post.key(), clock.instant())
            .orElseThrow(() -> new IllegalStateException("The stored message " + post.key() + " has expired"));
        ReceivedMessageFields fields = ReceivedMessageFields.of(message);
        ReceivedMessageFields.Form form = switch (post.format()) {
            case PARSED -> fields.parsed();
            case MIME -> fields.mime();
            case NOTIFICATION -> fields.notification(post.messageUrl());
        };
        MultipartEntityBuilder builder = MultipartEntityBuilder.create()
            .setMode(HttpMultipartMode.LEGACY)
            .setCharset(StandardCharsets.UTF_8);
        ContentType text = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);
        form.fields().forEach(field -> builder.addTextBody(field.name(), field.value(), text));
        MailgunSignature signature = MailgunSignature.create(secret, now);
        builder.addTextBody("timestamp", signature.timestamp(), text);
        builder.addTextBody("token", signature.token(), text);
        builder.addTextBody("signature", signature.signature(), text);
        form.files().forEach(file -> builder.addBinaryBody(file.field(), file.content(), contentType(file.contentType()), file.filename()));
        HttpEntity entity = builder.build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            entity.writeTo(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SignedRequest(body.toByteArray(), Map.of("Content-Type", entity.getContentType()));
    }

    private static ContentType contentType(String value) {
        try {
            return ContentType.parse(value);
        } catch (RuntimeException e) {
            return ContentType.APPLICATION_OCTET_STREAM;
        }
    }
}
