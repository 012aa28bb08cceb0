package io.postyard.opensrs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.opensrs.store.HostedUser;

/**
 * {@code get_user_folders}, {@code get_user_messages} and {@code move_user_messages}: the user's real IMAP folders,
 * as the user itself or its domain's administrators see them.
 */
public class MailboxMethods implements OmaMethodGroup {
    private static final String INBOX = "INBOX";
    private static final int MAX_MESSAGES = 1000;

    private final UserMailboxes mailboxes;
    private final OmaAccess access;

    @Inject
    public MailboxMethods(UserMailboxes mailboxes, OmaAccess access) {
        this.mailboxes = mailboxes;
        this.access = access;
    }

    @Override
    public Map<String, OmaMethod> methods() {
        return Map.of(
            "get_user_folders", this::folders,
            "get_user_messages", this::messages,
            "move_user_messages", this::move);
    }

    private Map<String, Object> folders(Caller caller, OmaRequest request) {
        HostedUser user = access.requireUser(caller, request.user("user"), false);
        List<Map<String, Object>> folders = mailboxes.folders(user.name()).stream()
            .map(folder -> Map.<String, Object>of("folder", folder.name(), "messages", folder.messages(), "unseen", folder.unseen()))
            .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("folders", folders);
        answer.put("deleted_folders", List.of());
        return answer;
    }

    private Map<String, Object> messages(Caller caller, OmaRequest request) {
        HostedUser user = access.requireUser(caller, request.user("user"), false);
        String folder = request.optionalString("folder").orElse(INBOX);
        long limit = request.optionalLong("limit").orElse((long) MAX_MESSAGES);
        if (limit < 1 || limit > MAX_MESSAGES) {
            throw OmaException.malformed("limit must be from 1 to " + MAX_MESSAGES);
        }
        List<UserMailboxes.MessageHeaders> found = mailboxes.messages(user.name(), folder, request.flag("recent"), request.flag("unseen"), (int) limit)
            .orElseThrow(() -> OmaException.notFound("Folder " + OmaNames.printable(folder) + " does not exist"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("folder", folder);
        answer.put("count", found.size());
        answer.put("messages", found.stream().map(MailboxMethods::view).toList());
        return answer;
    }

    /** Each id is reported on its own: some may move while others are not there. */
    private Map<String, Object> move(Caller caller, OmaRequest request) {
        HostedUser user = access.requireUser(caller, request.user("user"), false);
        String from = request.optionalString("folder").orElse(INBOX);
        String to = request.requiredString("new_folder");
        JsonNode ids = request.field("ids").orElseThrow(() -> OmaException.malformed("Missing required field: ids"));
        if (!ids.isArray() || ids.isEmpty()) {
            throw OmaException.malformed("ids must be a list of message ids");
        }
        for (String folder : List.of(from, to)) {
            if (!mailboxes.hasFolder(user.name(), folder)) {
                throw OmaException.notFound("Folder " + OmaNames.printable(folder) + " does not exist");
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        boolean allMoved = true;
        for (JsonNode id : ids) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", id);
            if (!id.canConvertToLong() || id.asLong() < 1) {
                result.putAll(new OmaException(OmaError.MALFORMED_REQUEST, "Not a message id").body());
                allMoved = false;
            } else if (mailboxes.move(user.name(), id.asLong(), from, to)) {
                result.put("success", true);
            } else {
                result.putAll(OmaException.notFound("Message " + id.asLong() + " does not exist in " + OmaNames.printable(from)).body());
                allMoved = false;
            }
            results.add(result);
        }
        if (!allMoved) {
            throw new OmaException(OmaError.NOT_FOUND, "Some messages were not moved", Map.of("results", results));
        }
        return Map.of("results", results);
    }

    private static Map<String, Object> view(UserMailboxes.MessageHeaders message) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("from", message.headers().from().orElse(""));
        headers.put("to", String.join(", ", message.headers().to()));
        headers.put("subject", message.headers().subject().orElse(""));
        headers.put("message-id", message.headers().messageId().orElse(""));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", message.uid());
        view.put("size", message.size());
        view.put("received", message.receivedAt().toInstant().getEpochSecond());
        view.put("seen", message.seen());
        view.put("headers", headers);
        return view;
    }
}
