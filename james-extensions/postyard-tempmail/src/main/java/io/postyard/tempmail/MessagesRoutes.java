package io.postyard.tempmail;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.inject.Inject;

import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.http.ApiException;
import io.postyard.http.Authenticated;
import io.postyard.http.Downloads;
import io.postyard.http.Json;
import spark.Request;
import spark.Response;
import spark.Service;

/** {@code /v1/messages/{id}}, its source, and {@code /v1/attachments/{id}}. */
class MessagesRoutes {
    private final TempMailboxes tempMailboxes;
    private final MailboxMessages messages;

    @Inject
    MessagesRoutes(TempMailboxes tempMailboxes, MailboxMessages messages) {
        this.tempMailboxes = tempMailboxes;
        this.messages = messages;
    }

    void define(Service service, String base) {
        service.get(base + "/messages/:id", Json.route((request, response) -> {
            TempMailboxes.Found found = find(request);
            return MessageView.of(found.mailbox(), found.message());
        }));
        service.delete(base + "/messages/:id", Json.route((request, response) -> {
            TempMailboxes.Found found = find(request);
            messages.delete(found.mailbox().username(), found.message().uid());
            return Map.of();
        }));
        service.get(base + "/messages/:id/source_code", Json.route((request, response) ->
            Map.of("data", new String(find(request).message().raw(), StandardCharsets.UTF_8))));
        service.get(base + "/attachments/:id", this::attachment);
    }

    private TempMailboxes.Found find(Request request) {
        return tempMailboxes.message(Authenticated.require(request), request.params("id"));
    }

    private Object attachment(Request request, Response response) {
        String id = request.params("id");
        TempMailIds.AttachmentRef ref = TempMailIds.parseAttachment(id).orElseThrow(() -> ApiException.notFound("Attachment not found"));
        TempMailboxes.Found found = tempMailboxes.message(Authenticated.require(request), ref.message())
            .orElseThrow(() -> ApiException.notFound("Attachment not found"));
        ParsedMessage.ParsedAttachment attachment = ParsedMessage.parse(found.message().raw()).attachments().stream()
            .filter(candidate -> candidate.index() == ref.index()).findFirst()
            .orElseThrow(() -> ApiException.notFound("Attachment not found"));
        return Downloads.attachment(response, attachment.filename(), attachment.contentType(), attachment.content());
    }
}
