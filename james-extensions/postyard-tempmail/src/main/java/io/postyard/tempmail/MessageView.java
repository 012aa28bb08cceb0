package io.postyard.tempmail;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.core.mailbox.StoredMessage;

/** A message as temp-mail.io shows it: {@code id, from, to, cc, subject, body_text, body_html, created_at, attachments}. */
final class MessageView {
    static Map<String, Object> of(HostedMailbox mailbox, StoredMessage message) {
        ParsedMessage parsed = ParsedMessage.parse(message.raw());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", TempMailIds.message(mailbox, message.uid()));
        view.put("from", parsed.from().orElse(""));
        view.put("to", parsed.to().isEmpty() ? mailbox.address().asString() : String.join(", ", parsed.to()));
        view.put("cc", parsed.cc());
        view.put("subject", parsed.subject().orElse(""));
        view.put("body_text", parsed.text().orElse(""));
        view.put("body_html", parsed.html().orElse(""));
        view.put("created_at", message.receivedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (ParsedMessage.ParsedAttachment attachment : parsed.attachments()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", TempMailIds.attachment(mailbox, message.uid(), attachment.index()));
            item.put("name", attachment.filename());
            item.put("size", attachment.content().length);
            attachments.add(item);
        }
        view.put("attachments", attachments);
        return view;
    }

    private MessageView() {
    }
}
