package io.postyard.mailgun;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainNotFoundException;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.key.ApiKey;
import io.postyard.core.sending.DomainCannotSendException;
import io.postyard.core.sending.AttachedFile;
import io.postyard.core.sending.MessageComposer;
import io.postyard.core.sending.PresetMessageIdMimeMessage;
import io.postyard.core.sending.Submission;
import io.postyard.core.sending.SenderIdentities;
import io.postyard.core.sending.SenderIdentity;
import io.postyard.core.sending.SenderNotAllowedException;
import io.postyard.core.sending.SendingService;
import io.postyard.core.webhook.WebhookUrlPolicy;
import io.postyard.http.AddressFields;
import io.postyard.http.ApiException;
import io.postyard.http.FilePart;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import spark.Request;
import spark.Service;

/** {@code POST /v3/{domain}/messages} and {@code /messages.mime}: both keys may send, for their domains. */
class MessagesRoutes {
    private static final String QUEUED = "Queued. Thank you.";

    private final SendingService sending;
    private final SenderIdentities senders;
    private final MessageTemplates templates;

    private final WebhookUrlPolicy callbackPolicy;

    @Inject
    MessagesRoutes(SendingService sending, SenderIdentities senders, MessageTemplates templates, WebhookUrlPolicy callbackPolicy) {
        this.sending = sending;
        this.senders = senders;
        this.templates = templates;
        this.callbackPolicy = callbackPolicy;
    }

    void define(Service service, String prefix) {
        service.post(prefix + "/v3/:domain/messages", Json.route((request, response) -> send(request)));
        service.post(prefix + "/v3/:domain/messages.mime", Json.route((request, response) -> sendMime(request)));
    }

    private Map<String, String> send(Request request) throws MessagingException {
        SendingContext context = context(request);
        FormData form = FormData.parse(request);
        SendOptions options = options(form);
        InternetAddress from = from(form.require("from"), context);
        List<InternetAddress> to = AddressFields.addresses(form.all("to"), "to");
        List<InternetAddress> cc = AddressFields.addresses(form.all("cc"), "cc");
        List<InternetAddress> bcc = AddressFields.addresses(form.all("bcc"), "bcc");
        List<InternetAddress> replyTo = AddressFields.addresses(form.all("reply_to"), "reply_to");
        if (to.isEmpty()) {
            throw ApiException.validation("Missing parameter 'to'", Map.of("field", "to"));
        }
        checkRecipientCount(to.size() + cc.size() + bcc.size());
        MessageTemplates.Rendered body = templates.render(context.domain().name(), form);
        String subject = body.subject().or(() -> form.first("subject")).orElseThrow(() ->
            ApiException.validation("Missing parameter 'subject'", Map.of("field", "subject")));
        Optional<Map<String, Map<String, String>>> recipientVariables = RecipientVariables.parse(form);
        String messageId = options.messageId().orElseGet(() -> sending.newMessageId(context.domain().name()));
        MessageComposer.Content content = new MessageComposer.Content(from, to, cc, replyTo, subject, body.text(),
            body.html(), form.firstNonBlank("amp-html"), files(form, "attachment"), files(form, "inline"), options.headers());
        if (recipientVariables.isPresent()) {
            if (!cc.isEmpty() || !bcc.isEmpty()) {
                throw ApiException.validation("'cc' and 'bcc' cannot be combined with 'recipient-variables'",
                    Map.of("field", "recipient-variables"));
            }
            for (InternetAddress recipient : to) {
                Map<String, String> variables = recipientVariables.get().getOrDefault(recipient.getAddress().toLowerCase(Locale.ROOT), Map.of());
                MessageComposer.Content personal = RecipientVariables.personalize(content, recipient, variables);
                submit(context, MessageComposer.compose(personal, messageId), List.of(recipient), options, messageId);
            }
        } else {
            List<InternetAddress> envelope = new ArrayList<>(to);
            envelope.addAll(cc);
            envelope.addAll(bcc);
            submit(context, MessageComposer.compose(content, messageId), envelope, options, messageId);
        }
        return Map.of("id", messageId, "message", QUEUED);
    }

    private SendOptions options(FormData form) {
        SendOptions options = SendOptions.parse(form, sending.now());
        options.callbackUrl().flatMap(url -> callbackPolicy.refusal(URI.create(url))).ifPresent(reason -> {
            throw ApiException.validation("'callback_url' is refused: " + reason, Map.of("field", "callback_url"));
        });
        return options;
    }

    private Map<String, String> sendMime(Request request) throws MessagingException {
        SendingContext context = context(request);
        FormData form = FormData.parse(request);
        SendOptions options = options(form);
        List<InternetAddress> to = AddressFields.addresses(form.all("to"), "to");
        if (to.isEmpty()) {
            throw ApiException.validation("Missing parameter 'to'", Map.of("field", "to"));
        }
        checkRecipientCount(to.size());
        byte[] raw = form.files("message").stream().findFirst().map(FilePart::content)
            .or(() -> form.first("message").map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .orElseThrow(() -> ApiException.validation("Missing parameter 'message'", Map.of("field", "message")));
        MimeMessage message = parseMime(raw);
        Optional.ofNullable(message.getHeader("From", ","))
            .map(value -> from(value, context))
            .orElseThrow(() -> ApiException.validation("The MIME message has no From header", Map.of("field", "message")));
        Optional<String> ownId = Optional.ofNullable(message.getMessageID());
        String messageId = options.messageId().or(() -> ownId).orElseGet(() -> sending.newMessageId(context.domain().name()));
        for (Map.Entry<String, String> header : options.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        submit(context, message, to, options, messageId);
        return Map.of("id", messageId, "message", QUEUED);
    }

    private static MimeMessage parseMime(byte[] raw) {
        try {
            MimeMessage message = new PresetMessageIdMimeMessage(MessageComposer.SESSION, new ByteArrayInputStream(raw));
            message.getAllHeaders();
            return message;
        } catch (MessagingException e) {
            throw ApiException.validation("'message' is not a valid MIME message", Map.of("field", "message"));
        }
    }

    private void submit(SendingContext context, MimeMessage message, List<InternetAddress> recipients, SendOptions options,
                        String messageId) throws MessagingException {
        Submission submission = Submission.builder(context.key().account(), context.domain(), context.identity(), message, messageId)
            .recipients(recipients.stream().map(address -> AddressFields.mailAddress(address, "to")).toList())
            .tags(options.tags())
            .variables(options.variables())
            .testMode(options.testMode())
            .tracking(options.opens(), options.clicksOn())
            .dkim(options.dkim())
            .callbackUrl(options.callbackUrl())
            .deliveryTime(options.deliveryTime())
            .build();
        try {
            sending.submit(submission);
        } catch (SenderNotAllowedException e) {
            throw ApiException.validation(e.getMessage(), Map.of("field", e.field()));
        }
    }

    private static List<AttachedFile> files(FormData form, String field) {
        return form.files(field).stream().map(file -> new AttachedFile(file.filename(), file.contentType(), file.content())).toList();
    }

    private SendingContext context(Request request) {
        Domain name = MailgunDomainNames.fromPath(request.params("domain"));
        ApiKey key = MailgunAccess.requireDomain(request, name);
        try {
            MailDomain domain = sending.sendingDomain(key.account(), name);
            return new SendingContext(key, domain, senders.ofAccount(key.account(), domain.name()));
        } catch (DomainNotFoundException e) {
            throw ApiException.notFound("Domain not found: " + name.asString());
        } catch (DomainCannotSendException e) {
            if (e.domain().state() == DomainState.DISABLED) {
                throw ApiException.forbidden("Domain " + name.asString() + " is disabled");
            }
            throw ApiException.badRequest("Domain " + name.asString() + " is not verified: verify its DNS records first");
        }
    }

    private record SendingContext(ApiKey key, MailDomain domain, SenderIdentity identity) {
    }

    private static InternetAddress from(String raw, SendingContext context) {
        List<InternetAddress> parsed = AddressFields.addresses(List.of(raw), "from");
        if (parsed.size() != 1) {
            throw ApiException.validation("'from' must be a single address", Map.of("field", "from"));
        }
        InternetAddress from = parsed.get(0);
        if (!context.identity().mayUse(AddressFields.mailAddress(from, "from"))) {
            throw ApiException.validation("'from' must be an address of " + context.domain().name().asString()
                + ", of its organizational domain, or of another domain of the account", Map.of("field", "from"));
        }
        return from;
    }

    private static void checkRecipientCount(int count) {
        if (count > SendingService.MAX_RECIPIENTS) {
            throw ApiException.validation("A message may have at most " + SendingService.MAX_RECIPIENTS + " recipients",
                Map.of("field", "to"));
        }
    }

}
