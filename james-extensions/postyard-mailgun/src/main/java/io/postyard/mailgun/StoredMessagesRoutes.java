package io.postyard.mailgun;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.internet.InternetAddress;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainNotFoundException;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainState;
import io.postyard.core.sending.DomainCannotSendException;
import io.postyard.core.sending.SenderNotAllowedException;
import io.postyard.core.sending.SendingService;
import io.postyard.http.AddressFields;
import io.postyard.http.ApiException;
import io.postyard.http.Downloads;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.mailgun.inbound.ReceivedMessage;
import io.postyard.mailgun.inbound.ReceivedMessageFields;
import io.postyard.mailgun.inbound.ReceivedMessageSender;
import io.postyard.mailgun.inbound.ReceivedMessageStore;
import io.postyard.mailgun.inbound.StoredMessageUrls;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code /v3/domains/{d}/messages/{key}}: a message a route stored, for three days. {@code GET} gives Mailgun's parsed
 * fields (or the raw MIME with {@code Accept: message/rfc2822}), {@code POST} with {@code to} sends it again,
 * {@code DELETE} forgets it; its attachments are under {@code /attachments/{n}}. A domain's sending key reaches its
 * own domain's messages.
 */
class StoredMessagesRoutes {
    private static final String RFC822 = "message/rfc2822";

    private final DomainService domains;
    private final ReceivedMessageStore messages;
    private final ReceivedMessageSender sender;
    private final StoredMessageUrls urls;
    private final Clock clock;

    @Inject
    StoredMessagesRoutes(DomainService domains, ReceivedMessageStore messages, ReceivedMessageSender sender, StoredMessageUrls urls,
                         Clock clock) {
        this.domains = domains;
        this.messages = messages;
        this.sender = sender;
        this.urls = urls;
        this.clock = clock;
    }

    void define(Service service, String prefix) {
        String base = prefix + "/v3/domains/:domain/messages/:key";
        service.get(base, Json.route((request, response) -> get(request)));
        service.post(base, Json.route((request, response) -> resend(request)));
        service.delete(base, Json.route((request, response) -> delete(request)));
        service.get(base + "/attachments/:index", this::attachment);
    }

    private Map<String, Object> get(Request request) {
        ReceivedMessage message = existing(request);
        ReceivedMessageFields fields = ReceivedMessageFields.of(message);
        boolean raw = Optional.ofNullable(request.headers("Accept")).map(accept -> accept.contains(RFC822)).orElse(false);
        return raw ? fields.storedMime() : fields.stored(urls.of(message.domain(), message.key()));
    }

    private Map<String, Object> resend(Request request) throws Exception {
        ReceivedMessage message = existing(request);
        FormData form = FormData.parse(request);
        List<InternetAddress> to = AddressFields.addresses(form.all("to"), "to");
        if (to.isEmpty()) {
            throw ApiException.badRequest("to parameter is missing");
        }
        if (to.size() > SendingService.MAX_RECIPIENTS) {
            throw ApiException.validation("A message may have at most " + SendingService.MAX_RECIPIENTS + " recipients",
                Map.of("field", "to"));
        }
        List<MailAddress> recipients = to.stream().map(address -> AddressFields.mailAddress(address, "to")).toList();
        try {
            String id = sender.send(message, recipients);
            return Map.of("id", id, "message", "Queued. Thank you.");
        } catch (DomainNotFoundException e) {
            throw ApiException.notFound("Domain not found: " + message.domain().asString());
        } catch (DomainCannotSendException e) {
            throw e.domain().state() == DomainState.DISABLED
                ? ApiException.forbidden("Domain " + message.domain().asString() + " is disabled")
                : ApiException.badRequest("Domain " + message.domain().asString() + " is not verified: verify its DNS records first");
        } catch (SenderNotAllowedException e) {
            throw ApiException.validation(e.getMessage(), Map.of("field", e.field()));
        }
    }

    private Map<String, Object> delete(Request request) {
        ReceivedMessage message = existing(request);
        messages.delete(message.domain(), message.key());
        return Map.of("message", "Message has been deleted");
    }

    private Object attachment(Request request, Response response) {
        ReceivedMessage message = existing(request);
        int index;
        try {
            index = Integer.parseInt(request.params("index"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Attachment not found");
        }
        return ReceivedMessageFields.of(message).attachment(index)
            .map(attachment -> Downloads.attachment(response, attachment.filename(), attachment.contentType(), attachment.content()))
            .orElseThrow(() -> ApiException.notFound("Attachment not found"));
    }

    /** The message, if the key's account owns the domain and the message has not expired. */
    private ReceivedMessage existing(Request request) {
        Domain name = MailgunDomainNames.fromPath(request.params("domain"));
        AccountId account = MailgunAccess.requireDomain(request, name).account();
        domains.get(account, name).orElseThrow(() -> ApiException.notFound("Domain not found"));
        return messages.get(name, request.params("key"), clock.instant())
            .filter(message -> message.account().equals(account))
            .orElseThrow(() -> ApiException.notFound("Message not found"));
    }
}
