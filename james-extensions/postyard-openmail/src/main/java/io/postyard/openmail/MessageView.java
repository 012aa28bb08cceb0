package io.postyard.openmail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import io.postyard.openmail.store.ThreadMessage;

/**
 * A message as the thread example shows it ({@code id, direction, fromAddr, toAddr, subject, bodyText, status,
 * createdAt}), followed by what an agent also needs: its thread, copies, Message-ID and attachments with signed URLs.
 */
class MessageView {
    private final AttachmentLinks links;

    @Inject
    MessageView(AttachmentLinks links) {
        this.links = links;
    }

    Map<String, Object> of(ThreadMessage message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", message.id());
        view.put("direction", message.direction().asString());
        view.put("fromAddr", message.fromAddr());
        view.put("toAddr", String.join(", ", message.toAddrs()));
        view.put("subject", message.subject());
        view.put("bodyText", message.bodyText());
        view.put("status", message.status());
        view.put("createdAt", OpenmailTimes.format(message.createdAt()));
        view.put("threadId", message.threadId());
        view.put("cc", message.cc());
        view.put("rfcMessageId", message.rfcMessageId().orElse(null));
        view.put("attachments", attachments(message));
        return view;
    }

    /** {@code filename, contentType, sizeBytes, url}, as in the webhook example. */
    List<Map<String, Object>> attachments(ThreadMessage message) {
        return message.attachments().stream().map(attachment -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("filename", attachment.filename());
            item.put("contentType", attachment.contentType());
            item.put("sizeBytes", attachment.sizeBytes());
            item.put("url", links.url(message, attachment));
            return item;
        }).toList();
    }
}
