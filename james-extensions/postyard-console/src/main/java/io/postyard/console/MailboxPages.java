package io.postyard.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.HostedMailboxKind;
import io.postyard.core.mailbox.HostedMailboxService;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.MessageHeaders;
import io.postyard.core.mailbox.MessagePage;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.core.mailbox.StoredMessage;
import io.postyard.http.ApiException;
import io.postyard.http.Downloads;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The account's hosted mailboxes (each provider's kind: OmyPost accounts, Temp Mail addresses, openmail inboxes) and
 * their mail, as a developer's mail viewer: a message's headers, text, HTML, raw source and attachments. Received HTML
 * is shown in a sandboxed frame from its own URL, whose policy forbids scripts and every remote load.
 */
class MailboxPages {
    private static final int PAGE_SIZE = 50;
    /** The frame's document: no script, no plugin, nothing fetched from anywhere; inline styles and embedded images only. */
    private static final String RECEIVED_HTML_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        + "frame-ancestors 'self'";

    private final HostedMailboxService mailboxes;
    private final MailboxMessages messages;
    private final Set<HostedMailboxKind> kinds;
    private final Templates templates;

    @Inject
    MailboxPages(HostedMailboxService mailboxes, MailboxMessages messages, Set<HostedMailboxKind> kinds, Templates templates) {
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.kinds = Set.copyOf(kinds);
        this.templates = templates;
    }

    void define(Service service) {
        String base = ConsoleApi.PREFIX + "/mailboxes";
        service.get(base, this::list);
        service.get(base + "/:id", this::mailbox);
        service.get(base + "/:id/messages/:uid", this::message);
        service.get(base + "/:id/messages/:uid/html", this::html);
        service.get(base + "/:id/messages/:uid/attachments/:index", this::attachment);
    }

    private Object list(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        List<Map<String, Object>> groups = new ArrayList<>();
        kinds.stream().sorted(Comparator.comparing(HostedMailboxKind::label)).forEach(kind -> {
            List<Map<String, Object>> rows = mailboxes.list(session.account(), kind.provider(), Optional.empty()).stream()
                .map(mailbox -> Map.<String, Object>of("id", mailbox.id(), "address", mailbox.address().asString(),
                    "lifetime", mailbox.lifetime().name().toLowerCase(Locale.ROOT),
                    "expiresAt", mailbox.expiresAt().map(Object::toString).orElse("")))
                .toList();
            groups.add(Map.of("label", kind.label(), "mailboxes", rows));
        });
        response.type("text/html; charset=utf-8");
        return templates.page("mailboxes", "Mailboxes", Optional.of(session), Map.of("groups", groups));
    }

    private Object mailbox(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        HostedMailbox mailbox = owned(request, session);
        MessagePage page = messages.list(mailbox.username(), 1, PAGE_SIZE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredMessage stored : page.messages()) {
            ParsedMessage parsed = ParsedMessage.parse(stored.raw());
            rows.add(Map.of("uid", stored.uid(), "from", parsed.from().orElse(""), "subject", parsed.subject().orElse("(no subject)"),
                "receivedAt", stored.receivedAt().toString(), "size", stored.size()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", mailbox.id());
        model.put("address", mailbox.address().asString());
        model.put("total", page.total());
        model.put("messages", rows);
        response.type("text/html; charset=utf-8");
        return templates.page("mailbox", mailbox.address().asString(), Optional.of(session), model);
    }

    private Object message(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        HostedMailbox mailbox = owned(request, session);
        StoredMessage stored = stored(request, mailbox);
        ParsedMessage parsed = ParsedMessage.parse(stored.raw());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", mailbox.id());
        model.put("address", mailbox.address().asString());
        model.put("uid", stored.uid());
        model.put("subject", parsed.subject().orElse("(no subject)"));
        model.put("headers", headers(stored.raw()));
        parsed.text().ifPresent(text -> model.put("text", text));
        model.put("hasHtml", parsed.html().isPresent());
        model.put("raw", new String(stored.raw(), StandardCharsets.UTF_8));
        model.put("attachments", parsed.attachments().stream().map(attachment -> Map.<String, Object>of("index", attachment.index(),
            "filename", attachment.filename(), "contentType", attachment.contentType(), "size", attachment.content().length)).toList());
        response.type("text/html; charset=utf-8");
        return templates.page("message", parsed.subject().orElse("Message"), Optional.of(session), model);
    }

    /** The received HTML, for the sandboxed frame only: this URL may be framed by the console, nothing in it may run. */
    private Object html(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        StoredMessage stored = stored(request, owned(request, session));
        // Replacing the console's own headers (Spark's header() would add a second, and the stricter one would win).
        response.raw().setHeader("Content-Security-Policy", RECEIVED_HTML_POLICY);
        response.raw().setHeader("X-Frame-Options", "SAMEORIGIN");
        response.type("text/html; charset=utf-8");
        return ParsedMessage.parse(stored.raw()).html().orElse("");
    }

    private Object attachment(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        StoredMessage stored = stored(request, owned(request, session));
        int index = number(request.params("index"));
        return ParsedMessage.parse(stored.raw()).attachments().stream().filter(attachment -> attachment.index() == index).findFirst()
            // Served as a download, never rendered as a page of the console.
            .map(attachment -> Downloads.attachment(response, attachment.filename(), "application/octet-stream", attachment.content()))
            .orElseThrow(() -> ApiException.notFound("Attachment not found"));
    }

    private HostedMailbox owned(Request request, ConsoleSession session) {
        return mailboxes.get(request.params("id")).filter(mailbox -> mailbox.account().equals(session.account()))
            .orElseThrow(() -> ApiException.notFound("Mailbox not found"));
    }

    private StoredMessage stored(Request request, HostedMailbox mailbox) {
        return messages.get(mailbox.username(), number(request.params("uid"))).orElseThrow(() -> ApiException.notFound("Message not found"));
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Not Found");
        }
    }

    private static List<Map<String, Object>> headers(byte[] raw) {
        return MessageHeaders.of(raw).stream().map(header -> Map.<String, Object>of("name", header.getKey(), "value", header.getValue()))
            .toList();
    }
}
