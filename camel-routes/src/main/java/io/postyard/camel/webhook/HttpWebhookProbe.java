package io.postyard.camel.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import io.postyard.core.webhook.SignedRequest;
import io.postyard.core.webhook.WebhookProbe;
import io.postyard.core.webhook.WebhookScheme;
import io.postyard.core.webhook.WebhookTarget;
import io.postyard.core.webhook.WebhookUrlPolicy;

/** One attempt through the same guarded client the delivery engine uses: no redirects, no retries, bounded answers. */
public class HttpWebhookProbe implements WebhookProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MESSAGE_CHARS = 512;

    private final Map<String, WebhookScheme> schemes;
    private final WebhookUrlPolicy urlPolicy;
    private final Clock clock;
    private final CloseableHttpClient client;

    @Inject
    public HttpWebhookProbe(Set<WebhookScheme> schemes, WebhookUrlPolicy urlPolicy, Clock clock) {
        this.schemes = schemes.stream().collect(Collectors.toMap(WebhookScheme::name, Function.identity()));
        this.urlPolicy = urlPolicy;
        this.clock = clock;
        HttpClientBuilder builder = HttpClientBuilder.create();
        new GuardedHttpClient(urlPolicy, TIMEOUT).configureHttpClient(builder);
        this.client = builder.build();
    }

    @Override
    public Result post(WebhookTarget target, String eventId) {
        Optional<String> refusal = urlPolicy.refusal(target.url());
        if (refusal.isPresent()) {
            return new Result(Optional.empty(), "URL refused: " + refusal.get());
        }
        WebhookScheme scheme = Optional.ofNullable(schemes.get(target.scheme()))
            .orElseThrow(() -> new IllegalArgumentException("Unknown webhook scheme " + target.scheme()));
        Instant now = clock.instant();
        SignedRequest signed = scheme.signer().sign(scheme.finaliser().finalise(target.payload(), 1, now), eventId,
            target.secret(), now);
        HttpPost post = new HttpPost(target.url());
        signed.headers().forEach(post::setHeader);
        post.setHeader("User-Agent", "Postyard-Webhooks/1.0");
        String contentType = signed.headers().getOrDefault("Content-Type", "application/json");
        post.setEntity(new ByteArrayEntity(signed.body(), ContentType.parse(contentType)));
        try {
            return client.execute(post, response -> {
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                return new Result(Optional.of(response.getCode()), body.length() > MESSAGE_CHARS ? body.substring(0, MESSAGE_CHARS) : body);
            });
        } catch (IOException | RuntimeException e) {
            return new Result(Optional.empty(), e.getClass().getSimpleName() + ": " + Optional.ofNullable(e.getMessage()).orElse(""));
        }
    }
}
