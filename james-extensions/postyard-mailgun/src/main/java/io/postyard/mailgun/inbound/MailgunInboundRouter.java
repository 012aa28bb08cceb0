package io.postyard.mailgun.inbound;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.core.account.SigningKeyService;
import io.postyard.core.domain.DomainLocality;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.event.EventId;
import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.inbound.InboundRouter;
import io.postyard.core.sending.OutboundMessages;
import io.postyard.core.sending.OutboundMetadata;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookDispatcher;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookTarget;
import io.postyard.mailgun.MailgunEventData;
import io.postyard.mailgun.route.MailgunRoute;
import io.postyard.mailgun.route.RouteAction;
import io.postyard.mailgun.route.RouteActions;
import io.postyard.mailgun.route.RouteExpression;
import io.postyard.mailgun.route.RouteStore;

/**
 * Mailgun's routes on received mail. For each recipient in a domain of an account (local here, not one a provider
 * runs), the account's routes are evaluated in order: every matching route acts, {@code catch_all()} only when no
 * route before it matched, and {@code stop()} ends the evaluation. A recipient some route matched is taken: the
 * message is kept three days under a storage key, each {@code forward(url)} and {@code store(notify)} becomes a post
 * through the webhook engine, each {@code forward(address)} a send, and a {@code stored} event is recorded.
 * The storage key and event id derive from the message and recipient, so mail routed again after an outage is
 * stored, posted and recorded once.
 */
public class MailgunInboundRouter implements InboundRouter {
    static final Duration RETENTION = Duration.ofDays(3);
    private static final Logger LOGGER = LoggerFactory.getLogger(MailgunInboundRouter.class);

    /** A route that matched, with its actions for this message. */
    private record Matched(MailgunRoute route, List<RouteAction> actions) {
    }

    private final DomainService domains;
    private final DomainLocality locality;
    private final RouteStore routes;
    private final ReceivedMessageStore messages;
    private final ReceivedMessageSender sender;
    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;
    private final SigningKeyService signingKeys;
    private final EventPublisher events;
    private final StoredMessageUrls urls;
    private final Clock clock;

    @Inject
    public MailgunInboundRouter(DomainService domains, DomainLocality locality, RouteStore routes, ReceivedMessageStore messages,
                                ReceivedMessageSender sender, WebhookOutbox outbox, WebhookDispatcher dispatcher,
                                SigningKeyService signingKeys, EventPublisher events, StoredMessageUrls urls, Clock clock) {
        this.domains = domains;
        this.locality = locality;
        this.routes = routes;
        this.messages = messages;
        this.sender = sender;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.signingKeys = signingKeys;
        this.events = events;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public boolean mayTake(MailAddress recipient) {
        return routedDomain(recipient)
            .map(domain -> routes.list(domain.account()).stream()
                .anyMatch(route -> RouteExpression.parse(route.expression()).mayMatch(recipient.asString())))
            .orElse(false);
    }

    @Override
    public Routing route(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        // Test-mode mail goes nowhere, a route's post or forward included.
        if (RouteHops.exhausted(message) || OutboundMetadata.of(mail).filter(OutboundMetadata::testMode).isPresent()) {
            return Routing.NONE;
        }
        Set<MailAddress> taken = new LinkedHashSet<>();
        byte[] raw = null;
        for (MailAddress recipient : mail.getRecipients()) {
            Optional<MailDomain> domain = routedDomain(recipient);
            if (domain.isEmpty()) {
                continue;
            }
            List<Matched> matched = evaluate(routes.list(domain.get().account()), recipient, message);
            if (matched.isEmpty()) {
                continue;
            }
            raw = raw == null ? OutboundMessages.bytes(message) : raw;
            take(mail, recipient, domain.get(), matched, raw);
            taken.add(recipient);
        }
        return Routing.took(taken);
    }

    private Optional<MailDomain> routedDomain(MailAddress recipient) {
        Domain name = Domain.of(recipient.getDomain().asString());
        return domains.find(name)
            .filter(domain -> domain.state() != DomainState.DISABLED)
            .filter(domain -> !locality.isOperated(domain.name()) && locality.isLocal(domain));
    }

    private static List<Matched> evaluate(List<MailgunRoute> routes, MailAddress recipient, MimeMessage message) {
        RouteExpression.Candidate candidate = new RouteExpression.Candidate(recipient.asString(), name -> headerValues(message, name));
        List<Matched> matched = new ArrayList<>();
        for (MailgunRoute route : routes) {
            Optional<RouteExpression.Match> match = RouteExpression.parse(route.expression()).match(candidate, !matched.isEmpty());
            if (match.isEmpty()) {
                continue;
            }
            List<RouteAction> actions = route.actions().stream()
                .flatMap(action -> RouteActions.parse(action).stream())
                .map(action -> RouteActions.resolve(action, match.get().captures()))
                .toList();
            matched.add(new Matched(route, actions));
            if (actions.stream().anyMatch(RouteAction.Stop.class::isInstance)) {
                break;
            }
        }
        return matched;
    }

    private void take(Mail mail, MailAddress recipient, MailDomain domain, List<Matched> matched, byte[] raw) throws MessagingException {
        byte[] digest = digest(raw, recipient);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 24));
        EventId eventId = new EventId("route-" + HexFormat.of().formatHex(digest, 0, 16));
        Instant now = clock.instant();
        ReceivedMessage received = new ReceivedMessage(key, domain.account(), domain.name(), recipient.asString(),
            mail.getMaybeSender().asString(""), raw, now, now.plus(RETENTION));
        messages.put(received);
        String messageUrl = urls.of(domain.name(), key);
        String secret = signingKeys.signingKey(domain.account());
        Map<String, String> forwardTo = new LinkedHashMap<>();
        for (Matched route : matched) {
            for (RouteAction action : route.actions()) {
                if (action instanceof RouteAction.ForwardToUrl forward) {
                    post(eventId, route.route(), forward.url(), secret,
                        new RoutePostSigner.Post(domain.name().asString(), key, formatOf(forward.url()), messageUrl), now);
                } else if (action instanceof RouteAction.Store store) {
                    store.notifyUrl().ifPresent(url -> post(eventId, route.route(), url, secret,
                        new RoutePostSigner.Post(domain.name().asString(), key, RoutePostSigner.Format.NOTIFICATION, messageUrl), now));
                } else if (action instanceof RouteAction.ForwardToAddress forward) {
                    forwardTo.putIfAbsent(forward.address().toLowerCase(Locale.ROOT), forward.address());
                }
            }
        }
        forwardTo.values().forEach(address -> forward(received, address));
        events.publish(storedEvent(eventId, received, mail.getMessage(), messageUrl, matched, now));
    }

    private void post(EventId eventId, MailgunRoute route, String url, String secret, RoutePostSigner.Post post, Instant now) {
        WebhookTarget target = new WebhookTarget("mailgun-route:" + route.id(), URI.create(url), RoutePostSigner.SCHEME, secret,
            post.toJson());
        WebhookDelivery delivery = WebhookDelivery.pending(eventId.value(), target, now);
        if (outbox.insertIfAbsent(delivery)) {
            dispatcher.dispatch(delivery.id());
        }
    }

    /** A forward that cannot be sent (a bad address, a domain that may not send) is logged: the other actions stand. */
    private void forward(ReceivedMessage received, String address) {
        try {
            sender.send(received, List.of(new MailAddress(address)));
        } catch (MessagingException | RuntimeException e) {
            LOGGER.warn("A route could not forward stored message {} of {} to {}: {}", received.key(), received.domain().asString(),
                address, e.getMessage());
        }
    }

    private static PostyardEvent storedEvent(EventId eventId, ReceivedMessage received, MimeMessage message, String messageUrl,
                                             List<Matched> matched, Instant now) {
        PostyardEvent.Builder event = PostyardEvent.builder(EventType.STORED, received.account(), received.domain())
            .id(eventId)
            .timestamp(now)
            .recipient(received.recipient())
            .details(Map.of(MailgunEventData.STORAGE_KEY, received.key(), MailgunEventData.STORAGE_URL, messageUrl,
                "routes", String.join(",", matched.stream().map(route -> route.route().id()).toList())));
        Optional<String> from = firstHeader(message, "From");
        Optional<String> subject = firstHeader(message, "Subject");
        firstHeader(message, "Message-ID").map(id -> id.replaceAll("^<|>$", "")).filter(id -> !id.isBlank()).ifPresent(id ->
            event.messageId(id).message(new MessageSummary(id, from, Optional.of(received.recipient()), subject, received.raw().length)));
        return event.build();
    }

    private static Optional<String> firstHeader(MimeMessage message, String name) {
        return headerValues(message, name).stream().findFirst();
    }

    private static RoutePostSigner.Format formatOf(String url) {
        String path = Optional.ofNullable(URI.create(url).getPath()).orElse("");
        return url.endsWith("mime") || path.endsWith("mime") ? RoutePostSigner.Format.MIME : RoutePostSigner.Format.PARSED;
    }

    private static List<String> headerValues(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? List.of() : Arrays.stream(values).map(MailgunInboundRouter::decoded).toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }

    private static String decoded(String value) {
        String unfolded = value.replaceAll("\r?\n(?=[ \t])", "").strip();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }

    private static byte[] digest(byte[] raw, MailAddress recipient) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(raw);
            sha.update(("\n" + recipient.asString()).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
