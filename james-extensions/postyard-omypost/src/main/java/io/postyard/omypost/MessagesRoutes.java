package io.postyard.omypost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;

import io.postyard.core.domain.DomainNotFoundException;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.key.ApiKey;
import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.HostedMailboxService;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.MessagePage;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.core.mailbox.StoredMessage;
import io.postyard.core.sending.AttachedFile;
import io.postyard.core.sending.MessageComposer;
import io.postyard.core.sending.DomainCannotSendException;
import io.postyard.core.sending.SenderIdentity;
import io.postyard.core.sending.SendingService;
import io.postyard.core.sending.Submission;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.AddressFields;
import io.postyard.http.ApiException;
import io.postyard.http.Authenticated;
import io.postyard.http.Json;
import io.postyard.http.JsonAttachments;
import io.postyard.http.JsonBody;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code /v1/emails/{id}/messages}: an account's received mail (read through James's mailbox, parsed with mime4j) and
 * sending from the account through the same pipeline as every other send, so suppressions, DKIM and events apply.
 */
class MessagesRoutes {
    static final String EMAIL_ID_VARIABLE = "omypost-email-id";
    private static final String MESSAGE_PREFIX = "msg_";
    private static final String ATTACHMENT_PREFIX = "att_";

    private final HostedMailboxService mailboxes;
    private final MailboxMessages messages;
    private final SendingService sending;
    private final PostyardSettings settings;

    @Inject
    MessagesRoutes(HostedMailboxService mailboxes, MailboxMessages messages, SendingService sending,
                   PostyardSettings settings) {
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.sending = sending;
        this.settings = settings;
    }

    void define(Service service, String base) {
        String messagesPath = base + "/emails/:id/messages";
        service.get(messagesPath, Json.route((request, response) -> list(request)));
        service.post(messagesPath, Json.route(this::send));
        service.get(messagesPath + "/:message", Json.route((request, response) -> show(request)));
        service.delete(messagesPath + "/:message", Json.route((request, response) -> delete(request)));
        service.get(messagesPath + "/:message/raw", this::raw);
        service.get(messagesPath + "/:message/attachments/:attachment", this::attachment);
    }

    private Map<String, Object> list(Request request) {
        HostedMailbox mailbox = mailbox(request, Permission.MESSAGES_READ);
        Pagination pagination = Pagination.of(request);
        MessagePage page = messages.list(mailbox.username(), pagination.page(), pagination.limit());
        return pagination.view(page.messages().stream().map(message -> summary(mailbox, message)).toList(), page.total());
    }

    private Map<String, Object> show(Request request) {
        HostedMailbox mailbox = mailbox(request, Permission.MESSAGES_READ);
        StoredMessage message = message(mailbox, request.params("message"));
        ParsedMessage parsed = ParsedMessage.parse(message.raw());
        Map<String, Object> view = summary(mailbox, message, parsed);
        view.put("cc", parsed.cc());
        view.put("message_id", parsed.messageId().orElse(null));
        view.put("text", parsed.text().orElse(null));
        view.put("html", parsed.html().orElse(null));
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (ParsedMessage.ParsedAttachment attachment : parsed.attachments()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", ATTACHMENT_PREFIX + attachment.index());
            item.put("filename", attachment.filename());
            item.put("content_type", attachment.contentType());
            item.put("size", attachment.content().length);
            item.put("inline", attachment.inline());
            item.put("download_url", messageUrl(mailbox, message) + "/attachments/" + ATTACHMENT_PREFIX + attachment.index());
            attachments.add(item);
        }
        view.put("attachments", attachments);
        view.put("raw_url", messageUrl(mailbox, message) + "/raw");
        return view;
    }

    private Object raw(Request request, Response response) {
        HostedMailbox mailbox = mailbox(request, Permission.MESSAGES_READ);
        StoredMessage message = message(mailbox, request.params("message"));
        response.type("message/rfc822");
        response.raw().setContentLength(message.raw().length);
        return message.raw();
    }

    private Object attachment(Request request, Response response) {
        HostedMailbox mailbox = mailbox(request, Permission.MESSAGES_READ);
        StoredMessage message = message(mailbox, request.params("message"));
        String id = request.params("attachment");
        ParsedMessage.ParsedAttachment attachment = index(id, ATTACHMENT_PREFIX)
            .flatMap(index -> ParsedMessage.parse(message.raw()).attachments().stream().filter(candidate -> candidate.index() == index).findFirst())
            .orElseThrow(() -> ApiException.notFound("Attachment " + id + " not found"));
        response.type(attachment.contentType());
        response.header("Content-Disposition", "attachment; filename=\"" + attachment.filename().replaceAll("[\"\\\\\\r\\n]", "_") + "\"");
        response.raw().setContentLength(attachment.content().length);
        return attachment.content();
    }

    private Map<String, Object> delete(Request request) {
        HostedMailbox mailbox = mailbox(request, Permission.MESSAGES_WRITE);
        String id = request.params("message");
        long uid = index(id, MESSAGE_PREFIX).orElseThrow(() -> ApiException.notFound("Message " + id + " not found"));
        if (!messages.delete(mailbox.username(), uid)) {
            throw ApiException.notFound("Message " + id + " not found");
        }
        return Map.of("id", id, "deleted", true);
    }

    private Map<String, Object> send(Request request, Response response) throws MessagingException {
        HostedMailbox mailbox = mailbox(request, Permission.MESSAGES_SEND);
        ApiKey key = Authenticated.require(request);
        JsonBody body = JsonBody.parse(request);
        List<InternetAddress> to = AddressFields.addresses(body.strings("to").orElse(List.of()), "to");
        List<InternetAddress> cc = AddressFields.addresses(body.strings("cc").orElse(List.of()), "cc");
        List<InternetAddress> bcc = AddressFields.addresses(body.strings("bcc").orElse(List.of()), "bcc");
        List<InternetAddress> replyTo = AddressFields.addresses(body.strings("reply_to").orElse(List.of()), "reply_to");
        if (to.isEmpty()) {
            throw JsonBody.invalid("to", "Missing required parameter 'to'", "At least one recipient is required");
        }
        if (to.size() + cc.size() + bcc.size() > SendingService.MAX_RECIPIENTS) {
            throw JsonBody.invalid("to", "Too many recipients", "At most " + SendingService.MAX_RECIPIENTS + " recipients are allowed");
        }
        String subject = body.requireString("subject");
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw JsonBody.invalid("subject", "Invalid subject", "Must not contain CR or LF");
        }
        Optional<String> text = body.string("text");
        Optional<String> html = body.string("html");
        if (text.isEmpty() && html.isEmpty()) {
            throw JsonBody.invalid("text", "Missing message body", "Give 'text', 'html' or both");
        }
        List<AttachedFile> attachments = body.objects("attachments").stream()
            .map(node -> JsonAttachments.file(node, "attachments", "content_type")).toList();
        MailDomain sendingDomain = domainOf(mailbox);
        String messageId = sending.newMessageId(sendingDomain.name());
        MimeMessage message = MessageComposer.compose(new MessageComposer.Content(new InternetAddress(mailbox.address().asString()), to,
            cc, replyTo, subject, text, html, Optional.empty(), attachments, List.of(), Map.of()), messageId);
        List<MailAddress> recipients = new ArrayList<>();
        for (List<InternetAddress> field : List.of(to, cc, bcc)) {
            field.stream().map(address -> AddressFields.mailAddress(address, "to")).forEach(recipients::add);
        }
        sending.submit(Submission.builder(key.account(), sendingDomain, SenderIdentity.mailbox(mailbox.address()), message, messageId)
            .recipients(recipients)
            .variables(Map.of(EMAIL_ID_VARIABLE, mailbox.id()))
            .build());
        response.status(202);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", messageId.substring(1, messageId.length() - 1));
        view.put("email_id", mailbox.id());
        view.put("status", "queued");
        return view;
    }

    /** The rule is the sending service's; this only says it in OmyPost's words. */
    private MailDomain domainOf(HostedMailbox mailbox) {
        try {
            return sending.sendingDomainOf(mailbox.address());
        } catch (DomainNotFoundException | DomainCannotSendException e) {
            throw ApiException.forbidden("Sending from " + mailbox.address().getDomain().asString() + " is disabled");
        }
    }

    private HostedMailbox mailbox(Request request, Permission permission) {
        ApiKey key = OmyPostAccess.require(request, permission);
        return EmailsRoutes.find(mailboxes, key, request.params("id"));
    }

    private StoredMessage message(HostedMailbox mailbox, String id) {
        return index(id, MESSAGE_PREFIX).flatMap(uid -> messages.get(mailbox.username(), uid))
            .orElseThrow(() -> ApiException.notFound("Message " + id + " not found"));
    }

    private static Optional<Long> index(String id, String prefix) {
        if (id == null || !id.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id.substring(prefix.length()))).filter(value -> value >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String messageUrl(HostedMailbox mailbox, StoredMessage message) {
        return settings.publicUrl() + OmyPostApi.PREFIX + "/v1/emails/" + mailbox.id() + "/messages/" + MESSAGE_PREFIX + message.uid();
    }

    private Map<String, Object> summary(HostedMailbox mailbox, StoredMessage message) {
        return summary(mailbox, message, ParsedMessage.parse(message.raw()));
    }

    private static Map<String, Object> summary(HostedMailbox mailbox, StoredMessage message, ParsedMessage parsed) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", MESSAGE_PREFIX + message.uid());
        view.put("email_id", mailbox.id());
        view.put("from", parsed.from().orElse(null));
        view.put("to", parsed.to());
        view.put("subject", parsed.subject().orElse(null));
        view.put("received_at", OmyPostTimes.format(message.receivedAt()));
        view.put("size", message.size());
        view.put("seen", message.seen());
        view.put("has_attachments", !parsed.attachments().isEmpty());
        return view;
    }
}
