package io.postyard.omypost;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;

import io.postyard.core.key.ApiKey;
import io.postyard.core.mailbox.CreatedMailbox;
import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.HostedMailboxAlreadyExistsException;
import io.postyard.core.mailbox.ReservedAddressException;
import io.postyard.core.mailbox.HostedMailboxService;
import io.postyard.core.mailbox.Lifetime;
import io.postyard.core.mailbox.NewMailbox;
import io.postyard.http.ApiException;
import io.postyard.http.Json;
import io.postyard.http.JsonBody;
import io.postyard.http.QueryParams;
import spark.Request;
import spark.Response;
import spark.Service;

/** {@code /v1/emails}: OmyPost email accounts, each a hosted mailbox in the OmyPost domain. */
class EmailsRoutes {
    static final String PROVIDER = "omypost";
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]+");
    private static final int MAX_PREFIX = 64;

    private final HostedMailboxService mailboxes;
    private final OmyPostDomain domain;
    private final Clock clock;

    @Inject
    EmailsRoutes(HostedMailboxService mailboxes, OmyPostDomain domain, Clock clock) {
        this.mailboxes = mailboxes;
        this.domain = domain;
        this.clock = clock;
    }

    void define(Service service, String base) {
        service.post(base + "/emails", Json.route(this::create));
        service.get(base + "/emails", Json.route((request, response) -> list(request)));
        service.get(base + "/emails/:id", Json.route((request, response) -> view(owned(request, Permission.EMAILS_READ))));
        service.patch(base + "/emails/:id", Json.route((request, response) -> update(request)));
        service.delete(base + "/emails/:id", Json.route((request, response) -> delete(request)));
    }

    private Map<String, Object> create(Request request, Response response) {
        ApiKey key = OmyPostAccess.require(request, Permission.EMAILS_WRITE);
        JsonBody body = JsonBody.parse(request);
        String prefix = body.requireString("prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw JsonBody.invalid("prefix", "Email prefix contains invalid characters", "Only letters, numbers, and underscores are allowed");
        }
        if (prefix.length() > MAX_PREFIX) {
            throw JsonBody.invalid("prefix", "Email prefix is too long", "At most " + MAX_PREFIX + " characters are allowed");
        }
        Optional<Instant> expiry = EmailLifetimes.ofNew(body, clock.instant());
        try {
            CreatedMailbox created = mailboxes.create(new NewMailbox(PROVIDER, "em_", key.account(), address(prefix), expiry));
            response.status(201);
            Map<String, Object> view = view(created.mailbox());
            view.put("password", created.password());
            return view;
        } catch (HostedMailboxAlreadyExistsException e) {
            throw ApiException.conflict("Email " + prefix.toLowerCase(Locale.ROOT) + "@" + domain.name().asString() + " already exists");
        } catch (ReservedAddressException e) {
            throw JsonBody.invalid("prefix", "Email prefix is reserved", e.getMessage());
        }
    }

    private MailAddress address(String prefix) {
        try {
            return new MailAddress(prefix.toLowerCase(Locale.ROOT) + "@" + domain.name().asString());
        } catch (AddressException e) {
            throw JsonBody.invalid("prefix", "Email prefix contains invalid characters", "Only letters, numbers, and underscores are allowed");
        }
    }

    private Map<String, Object> list(Request request) {
        ApiKey key = OmyPostAccess.require(request, Permission.EMAILS_READ);
        Optional<Lifetime> type = QueryParams.string(request, "type").map(value -> Lifetime.parse(value).orElseThrow(() ->
            JsonBody.invalid("type", "Invalid email type", "Must be permanent or temporary")));
        Pagination pagination = Pagination.of(request);
        List<HostedMailbox> all = mailboxes.list(key.account(), PROVIDER, type);
        return pagination.view(pagination.slice(all).stream().map(EmailsRoutes::view).toList(), all.size());
    }

    /**
     * {@code PATCH /emails/{id}}: the account's {@code type} and {@code expiry_date}. The address cannot change, and a
     * body naming nothing else changes nothing.
     */
    private Map<String, Object> update(Request request) {
        HostedMailbox mailbox = owned(request, Permission.EMAILS_WRITE);
        JsonBody body = JsonBody.parse(request);
        if (body.has("prefix")) {
            throw JsonBody.invalid("prefix", "Email prefix cannot change", "Create another email for another address");
        }
        Optional<Instant> expiry = EmailLifetimes.ofChange(body, mailbox, clock.instant());
        if (expiry.equals(mailbox.expiresAt())) {
            return view(mailbox);
        }
        return view(mailboxes.changeExpiry(mailbox, expiry).orElseThrow(() -> notFound(mailbox.id())));
    }

    private Map<String, Object> delete(Request request) {
        HostedMailbox mailbox = owned(request, Permission.EMAILS_WRITE);
        mailboxes.delete(mailbox);
        return Map.of("id", mailbox.id(), "deleted", true);
    }

    /** The account named in the path, if the key's account owns it; another account's is as good as missing. */
    private HostedMailbox owned(Request request, Permission permission) {
        ApiKey key = OmyPostAccess.require(request, permission);
        return find(mailboxes, key, request.params("id"));
    }

    static HostedMailbox find(HostedMailboxService mailboxes, ApiKey key, String id) {
        return mailboxes.get(id)
            .filter(mailbox -> mailbox.provider().equals(PROVIDER) && mailbox.account().equals(key.account()))
            .orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Email " + id + " not found");
    }

    static Map<String, Object> view(HostedMailbox mailbox) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", mailbox.id());
        view.put("email", mailbox.address().asString());
        view.put("type", mailbox.lifetime().asString());
        view.put("created_at", OmyPostTimes.format(mailbox.createdAt()));
        view.put("status", "active");
        mailbox.expiresAt().ifPresent(expiry -> view.put("expiry_date", OmyPostTimes.format(expiry)));
        return view;
    }
}
