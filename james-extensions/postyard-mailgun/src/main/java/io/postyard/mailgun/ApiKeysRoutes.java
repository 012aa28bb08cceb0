package io.postyard.mailgun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.key.ApiKey;
import io.postyard.core.key.ApiKeyId;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.InvalidKeyRequestException;
import io.postyard.core.key.IssuedKey;
import io.postyard.core.key.KeyAdministration;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeyRequest;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import spark.Request;
import spark.Service;

/**
 * Mailgun's self-service keys, {@code /v1/keys}, for the primary key of an account: role {@code admin} is a primary
 * key, role {@code sending} a domain sending key for {@code domain_name}. Keys are issued and revoked by core's key
 * services, as WebAdmin's are; the secret is shown once, in the creation's answer.
 */
class ApiKeysRoutes {
    private static final int MAX_DESCRIPTION = 256;

    private final KeyAdministration administration;
    private final ApiKeyService keys;

    @Inject
    ApiKeysRoutes(KeyAdministration administration, ApiKeyService keys) {
        this.administration = administration;
        this.keys = keys;
    }

    void define(Service service, String prefix) {
        service.get(prefix + "/v1/keys", Json.route((request, response) -> list(request)));
        service.post(prefix + "/v1/keys", Json.route((request, response) -> create(request)));
        service.delete(prefix + "/v1/keys/:id", Json.route((request, response) -> delete(request)));
    }

    private Map<String, Object> list(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        Optional<String> domainName = QueryParams.string(request, "domain_name").map(value -> value.toLowerCase(Locale.ROOT));
        Optional<String> kind = QueryParams.string(request, "kind");
        List<Map<String, Object>> items = keys.list(account).stream()
            .filter(key -> key.isActive() && isMailgunKey(key))
            .map(ApiKeysRoutes::view)
            .filter(view -> domainName.map(name -> name.equals(view.get("domain_name"))).orElse(true))
            .filter(view -> kind.map(wanted -> wanted.equals(view.get("kind"))).orElse(true))
            .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_count", items.size());
        body.put("items", items);
        return body;
    }

    /**
     * The created key at the top level (what mailgun.js reads) and under {@code key} (what the reference and the Go
     * SDK read), with its secret in both.
     */
    private Map<String, Object> create(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        FormData form = FormData.parse(request);
        String role = form.require("role").trim().toLowerCase(Locale.ROOT);
        String description = form.first("description").orElse("");
        if (description.length() > MAX_DESCRIPTION || description.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.validation("'description' must be at most " + MAX_DESCRIPTION + " characters without control characters",
                Map.of("field", "description"));
        }
        if (form.firstNonBlank("expiration").isPresent()) {
            throw ApiException.validation("Keys do not expire here: leave out 'expiration' and delete the key when it is done",
                Map.of("field", "expiration"));
        }
        Optional<Domain> domain = form.firstNonBlank("domain_name").map(MailgunDomainNames::parse);
        KeyKind kind = switch (role) {
            case "admin" -> KeyKind.PRIMARY;
            case "sending" -> KeyKind.DOMAIN_SENDING;
            default -> throw ApiException.validation("'role' must be admin or sending", Map.of("field", "role"));
        };
        IssuedKey issued;
        try {
            issued = administration.issue(new KeyRequest(account, kind, domain, Set.of(), description));
        } catch (InvalidKeyRequestException e) {
            throw ApiException.validation(e.getMessage(), Map.of("field", "domain_name"));
        }
        Map<String, Object> key = view(issued.key());
        key.put("secret", issued.secret());
        Map<String, Object> body = new LinkedHashMap<>(key);
        body.put("key", key);
        body.put("message", "great success");
        return body;
    }

    private Map<String, Object> delete(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        ApiKeyId id = new ApiKeyId(request.params("id"));
        keys.get(id).filter(key -> key.account().equals(account) && key.isActive() && isMailgunKey(key))
            .orElseThrow(() -> ApiException.notFound("Key not found"));
        keys.revoke(id);
        return Map.of("message", "key deleted");
    }

    private static boolean isMailgunKey(ApiKey key) {
        return key.kind().equals(KeyKind.PRIMARY) || key.kind().equals(KeyKind.DOMAIN_SENDING);
    }

    private static Map<String, Object> view(ApiKey key) {
        boolean sending = key.kind().equals(KeyKind.DOMAIN_SENDING);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", key.id().value());
        view.put("description", key.description());
        view.put("kind", sending ? "domain" : "user");
        view.put("role", sending ? "sending" : "admin");
        view.put("created_at", key.createdAt().toString());
        view.put("updated_at", key.createdAt().toString());
        view.put("domain_name", key.scope().domain().map(Domain::asString).orElse(null));
        view.put("requestor", null);
        view.put("user_name", null);
        view.put("is_disabled", false);
        return view;
    }
}
