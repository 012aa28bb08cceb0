package io.postyard.openmail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import spark.Request;
import spark.Response;
import spark.Service;

import io.postyard.core.key.ApiKey;
import io.postyard.http.Authenticated;
import io.postyard.http.Json;
import io.postyard.http.JsonBody;
import io.postyard.http.QueryParams;
import io.postyard.openmail.store.OpenmailInbox;

/** {@code /v1/inboxes}: create, list, show, update and delete agent inboxes. */
class InboxesRoutes {
    private static final int MAX_EXTERNAL_ID = 256;

    private final Inboxes inboxes;
    private final InboxLookup lookup;

    @Inject
    InboxesRoutes(Inboxes inboxes, InboxLookup lookup) {
        this.inboxes = inboxes;
        this.lookup = lookup;
    }

    void define(Service service, String base) {
        service.post(base + "/inboxes", Json.route(this::create));
        service.get(base + "/inboxes", Json.route((request, response) -> list(request)));
        service.get(base + "/inboxes/:id", Json.route((request, response) -> view(owned(request))));
        service.patch(base + "/inboxes/:id", Json.route((request, response) -> update(request)));
        service.delete(base + "/inboxes/:id", Json.route((request, response) -> delete(request)));
    }

    private Map<String, Object> create(Request request, Response response) {
        ApiKey key = Authenticated.require(request);
        JsonBody body = JsonBody.parse(request);
        OpenmailInbox inbox = inboxes.create(key.account(), body.string("username"), externalId(body));
        response.status(201);
        return view(inbox);
    }

    private Map<String, Object> list(Request request) {
        ApiKey key = Authenticated.require(request);
        return Page.of(request).view(inboxes.list(key.account(), QueryParams.string(request, "externalId")), InboxesRoutes::view);
    }

    private Map<String, Object> update(Request request) {
        OpenmailInbox inbox = owned(request);
        JsonBody body = JsonBody.parse(request);
        if (body.has("username")) {
            throw JsonBody.invalid("username", "The username (and so the address) of an inbox cannot change", "read-only field");
        }
        return view(body.has("externalId") ? inboxes.updateExternalId(inbox, externalId(body)) : inbox);
    }

    private Map<String, Object> delete(Request request) {
        OpenmailInbox inbox = owned(request);
        inboxes.delete(inbox);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", inbox.id());
        view.put("deleted", true);
        return view;
    }

    private OpenmailInbox owned(Request request) {
        return lookup.owned(Authenticated.require(request), request.params("id"));
    }

    private static Optional<String> externalId(JsonBody body) {
        Optional<String> externalId = body.string("externalId");
        externalId.ifPresent(value -> {
            if (value.length() > MAX_EXTERNAL_ID || value.chars().anyMatch(Character::isISOControl)) {
                throw JsonBody.invalid("externalId", "externalId must be at most " + MAX_EXTERNAL_ID + " characters, without control characters",
                    "invalid externalId");
            }
        });
        return externalId;
    }

    static Map<String, Object> view(OpenmailInbox inbox) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", inbox.id());
        view.put("address", inbox.address().asString());
        view.put("externalId", inbox.externalId().orElse(null));
        view.put("createdAt", OpenmailTimes.format(inbox.createdAt()));
        return view;
    }
}
