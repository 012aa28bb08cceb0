package io.postyard.openmail;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;
import javax.mail.MessagingException;

import spark.Request;
import spark.Response;
import spark.Service;

import io.postyard.core.key.ApiKey;
import io.postyard.http.Authenticated;
import io.postyard.http.Json;
import io.postyard.http.JsonBody;
import io.postyard.openmail.store.IdempotencyRecord;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.ThreadMessage;

/**
 * {@code POST /v1/inboxes/{id}/send}, under an {@code Idempotency-Key}: the request is checked, then the mail is sent
 * once per key, and a retry gets the first answer again, marked {@code Idempotent-Replayed}.
 */
class SendRoutes {
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final InboxLookup inboxes;
    private final OutboundMail outbound;
    private final IdempotentRequests idempotency;

    @Inject
    SendRoutes(InboxLookup inboxes, OutboundMail outbound, IdempotentRequests idempotency) {
        this.inboxes = inboxes;
        this.outbound = outbound;
        this.idempotency = idempotency;
    }

    void define(Service service, String base) {
        service.post(base + "/inboxes/:id/send", this::send);
    }

    private String send(Request request, Response response) throws MessagingException {
        ApiKey key = Authenticated.require(request);
        OpenmailInbox inbox = inboxes.owned(key, request.params("id"));
        String idempotencyKey = IdempotentRequests.key(request.headers(IdempotentRequests.HEADER));
        JsonBody body = JsonBody.parse(request);
        SendBody send = SendBody.parse(body);
        IdempotentRequests.Answer answer = idempotency.once(key.account(), idempotencyKey, RequestFingerprint.of(inbox.id(), body.tree()),
            () -> new IdempotencyRecord.StoredResponse(200, Json.write(view(outbound.send(key, inbox, send)))));
        response.type(Json.CONTENT_TYPE);
        response.status(answer.response().status());
        if (answer.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return answer.response().body();
    }

    /** {@code providerMessageId} is the Message-ID the recipient sees, without its angle brackets. */
    private static Map<String, Object> view(ThreadMessage sent) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("messageId", sent.id());
        view.put("threadId", sent.threadId());
        view.put("providerMessageId", sent.rfcMessageId().map(id -> id.substring(1, id.length() - 1)).orElse(null));
        view.put("status", sent.status());
        return view;
    }
}
