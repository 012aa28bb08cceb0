package io.postyard.tempmail;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Service;

import io.postyard.core.key.ApiKey;
import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.HostedMailboxAlreadyExistsException;
import io.postyard.core.mailbox.HostedMailboxService;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.NewMailbox;
import io.postyard.core.mailbox.ReservedAddressException;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.ApiException;
import io.postyard.http.Authenticated;
import io.postyard.http.BodyReader;
import io.postyard.http.Json;

/** {@code /v1/emails}: temporary addresses, each a hosted mailbox that lives {@code ttl} seconds. */
class EmailsRoutes {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No look-alikes (0/o, 1/l) and no upper case: addresses get read aloud and typed. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int RANDOM_LENGTH = 12;
    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?");
    private static final int MAX_MESSAGES = 1000;

    private final HostedMailboxService mailboxes;
    private final MailboxMessages messages;
    private final TempMailboxes tempMailboxes;
    private final TempMailDomains domains;
    private final Clock clock;
    private final Duration ttl;

    @Inject
    EmailsRoutes(HostedMailboxService mailboxes, MailboxMessages messages, TempMailboxes tempMailboxes, TempMailDomains domains,
                 Clock clock, PostyardSettings settings) {
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.tempMailboxes = tempMailboxes;
        this.domains = domains;
        this.clock = clock;
        this.ttl = Duration.ofSeconds(settings.getLong(TempMailSettings.TTL));
    }

    void define(Service service, String base) {
        service.post(base + "/emails", Json.route((request, response) -> create(request)));
        service.delete(base + "/emails/:email", Json.route((request, response) -> delete(request)));
        service.get(base + "/emails/:email/messages", Json.route((request, response) -> messages(request)));
    }

    private Map<String, Object> create(Request request) {
        ApiKey key = Authenticated.require(request);
        JsonNode body = body(request);
        Optional<String> email = text(body, "email");
        Optional<String> domain = text(body, "domain");
        Optional<TempMailDomains.Type> type = text(body, "domain_type").map(value -> TempMailDomains.Type.parse(value)
            .orElseThrow(() -> ApiException.validation("domain_type must be public, custom or premium", Map.of("field", "domain_type"))));
        List<TempMailDomains.Available> available = domains.available(key.account());
        MailAddress address;
        if (email.isPresent()) {
            address = requested(email.get(), available);
        } else {
            Domain chosen = domain.map(name -> availableDomain(name, available))
                .or(() -> type.map(wanted -> pick(available.stream().filter(candidate -> candidate.type() == wanted).toList(),
                    "No " + wanted.asString() + " domain is available")))
                .orElseGet(() -> pick(available, "No domain is available"));
            return createRandom(key, chosen);
        }
        return create(key, address);
    }

    private Map<String, Object> create(ApiKey key, MailAddress address) {
        try {
            mailboxes.create(new NewMailbox(TempMailboxes.PROVIDER, TempMailIds.MAILBOX_PREFIX, key.account(), address,
                Optional.of(clock.instant().plus(ttl))));
        } catch (HostedMailboxAlreadyExistsException e) {
            throw ApiException.validation("Email " + address.asString() + " is already taken", Map.of("field", "email"));
        } catch (ReservedAddressException e) {
            throw ApiException.validation(e.getMessage(), Map.of("field", "email"));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("email", address.asString());
        view.put("ttl", ttl.toSeconds());
        return view;
    }

    /** A random local part; in the unlikely event it is taken, another. */
    private Map<String, Object> createRandom(ApiKey key, Domain domain) {
        for (int attempt = 0; ; attempt++) {
            try {
                return create(key, new MailAddress(randomLocalPart() + "@" + domain.asString()));
            } catch (ApiException taken) {
                if (attempt >= 4) {
                    throw taken;
                }
            } catch (AddressException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private MailAddress requested(String email, List<TempMailDomains.Available> available) {
        String lowered = email.trim().toLowerCase(Locale.ROOT);
        int at = lowered.lastIndexOf('@');
        if (at <= 0 || !LOCAL_PART.matcher(lowered.substring(0, at)).matches() || lowered.contains("..")) {
            throw ApiException.validation("email must be an address such as name@domain, with letters, digits, dots, hyphens "
                + "and underscores before the @", Map.of("field", "email"));
        }
        Domain domain = availableDomain(lowered.substring(at + 1), available);
        try {
            return new MailAddress(lowered.substring(0, at) + "@" + domain.asString());
        } catch (AddressException e) {
            throw ApiException.validation("email is not a valid address", Map.of("field", "email"));
        }
    }

    private static Domain availableDomain(String name, List<TempMailDomains.Available> available) {
        Domain domain;
        try {
            domain = Domain.of(name.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("domain is not a valid domain name", Map.of("field", "domain"));
        }
        return available.stream().map(TempMailDomains.Available::name).filter(domain::equals).findFirst()
            .orElseThrow(() -> ApiException.validation("Domain " + domain.asString() + " is not available", Map.of("field", "domain")));
    }

    private static Domain pick(List<TempMailDomains.Available> candidates, String whenNone) {
        if (candidates.isEmpty()) {
            throw ApiException.validation(whenNone, Map.of("field", "domain_type"));
        }
        return candidates.get(RANDOM.nextInt(candidates.size())).name();
    }

    private static String randomLocalPart() {
        StringBuilder local = new StringBuilder();
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            local.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return local.toString();
    }

    private Map<String, Object> delete(Request request) {
        HostedMailbox mailbox = tempMailboxes.byAddress(Authenticated.require(request), request.params("email"));
        mailboxes.delete(mailbox);
        return Map.of();
    }

    private Map<String, Object> messages(Request request) {
        HostedMailbox mailbox = tempMailboxes.byAddress(Authenticated.require(request), request.params("email"));
        return Map.of("messages", messages.list(mailbox.username(), 1, MAX_MESSAGES).messages().stream()
            .map(message -> MessageView.of(mailbox, message)).toList());
    }

    /** The JSON object sent, or an empty one: every field is optional. */
    private JsonNode body(Request request) {
        byte[] raw = BodyReader.read(request);
        if (raw.length == 0 || new String(raw, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node == null || !node.isObject()) {
                throw ApiException.validation("The request body must be a JSON object", Map.of());
            }
            return node;
        } catch (IOException e) {
            throw ApiException.validation("The request body is not valid JSON", Map.of());
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiException.validation(field + " must be a string", Map.of("field", field));
        }
        return Optional.of(node.asText()).filter(value -> !value.isBlank());
    }
}
