package io.postyard.openmail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import spark.Request;
import spark.Service;

import io.postyard.core.key.ApiKey;
import io.postyard.http.Authenticated;
import io.postyard.http.Json;
import io.postyard.http.JsonBody;
import io.postyard.http.QueryParams;
import io.postyard.openmail.store.Direction;
import io.postyard.openmail.store.MailThread;
import io.postyard.openmail.store.OpenmailInbox;

/**
 * Conversations: {@code /v1/threads/{id}} (read, mark read), its messages oldest first, and an inbox's threads and
 * messages.
 */
class ThreadsRoutes {
    private final InboxLookup inboxes;
    private final Conversations conversations;
    private final MessageView messageView;

    @Inject
    ThreadsRoutes(InboxLookup inboxes, Conversations conversations, MessageView messageView) {
        this.inboxes = inboxes;
        this.conversations = conversations;
        this.messageView = messageView;
    }

    void define(Service service, String base) {
        service.get(base + "/threads/:id", Json.route((request, response) -> view(conversations.summary(thread(request)))));
        service.patch(base + "/threads/:id", Json.route((request, response) -> update(request)));
        service.get(base + "/threads/:id/messages", Json.route((request, response) -> messages(request)));
        service.get(base + "/inboxes/:id/threads", Json.route((request, response) -> {
            OpenmailInbox inbox = inbox(request);
            return Page.of(request).view(conversations.threads(inbox), ThreadsRoutes::view);
        }));
        service.get(base + "/inboxes/:id/messages", Json.route((request, response) -> {
            OpenmailInbox inbox = inbox(request);
            Optional<Direction> direction = QueryParams.string(request, "direction").map(value -> Direction.parse(value)
                .orElseThrow(() -> JsonBody.invalid("direction", "direction must be inbound or outbound", "invalid direction")));
            return Page.of(request).view(conversations.messages(inbox, direction), messageView::of);
        }));
    }

    private Map<String, Object> update(Request request) {
        MailThread thread = thread(request);
        JsonBody body = JsonBody.parse(request);
        boolean read = body.bool("isRead")
            .orElseThrow(() -> JsonBody.invalid("isRead", "isRead (true or false) is required", "missing isRead"));
        return view(conversations.summary(conversations.markRead(thread, read)));
    }

    /** {@code {threadId, subject, data}}, oldest message first, as the document's example. */
    private Map<String, Object> messages(Request request) {
        MailThread thread = thread(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("threadId", thread.id());
        body.put("subject", thread.subject());
        body.put("data", conversations.messages(thread).stream().map(messageView::of).toList());
        return body;
    }

    private MailThread thread(Request request) {
        ApiKey key = Authenticated.require(request);
        return conversations.thread(key, request.params("id"));
    }

    private OpenmailInbox inbox(Request request) {
        return inboxes.owned(Authenticated.require(request), request.params("id"));
    }

    static Map<String, Object> view(Conversations.ThreadSummary summary) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", summary.thread().id());
        view.put("inboxId", summary.thread().inboxId());
        view.put("subject", summary.thread().subject());
        view.put("isRead", summary.thread().read());
        view.put("messageCount", summary.messages().size());
        view.put("lastMessageAt", OpenmailTimes.format(summary.lastMessageAt()));
        view.put("createdAt", OpenmailTimes.format(summary.thread().createdAt()));
        return view;
    }
}
