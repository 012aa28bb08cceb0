package io.postyard.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.key.ApiKey;
import io.postyard.core.key.ApiKeyId;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.InvalidKeyRequestException;
import io.postyard.core.key.IssuedKey;
import io.postyard.core.key.KeyAdministration;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeyPermissions;
import io.postyard.core.key.KeyRequest;
import io.postyard.core.key.KeyUses;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The account's API keys: generate one of any kind the providers issue (with its permissions, or its domain for a
 * domain sending key), whose secret is shown on the answer to that post and never again; list them by hint; revoke.
 */
class KeyPages {
    private final ApiKeyService keys;
    private final KeyUses uses;
    private final KeyAdministration administration;
    private final DomainService domains;
    private final Set<KeyKind> kinds;
    private final Set<KeyPermissions> permissions;
    private final Templates templates;

    @Inject
    KeyPages(ApiKeyService keys, KeyUses uses, KeyAdministration administration, DomainService domains, Set<KeyKind> kinds,
             Set<KeyPermissions> permissions, Templates templates) {
        this.keys = keys;
        this.uses = uses;
        this.administration = administration;
        this.domains = domains;
        this.kinds = Set.copyOf(kinds);
        this.permissions = Set.copyOf(permissions);
        this.templates = templates;
    }

    void define(Service service) {
        String base = ConsoleApi.PREFIX + "/keys";
        service.get(base, (request, response) -> page(request, response, Optional.empty(), Optional.empty()));
        service.post(base, this::create);
        service.post(base + "/:id/revoke", this::revoke);
    }

    private Object page(Request request, Response response, Optional<IssuedKey> issued, Optional<String> error) {
        ConsoleSession session = ConsoleAccess.session(request);
        List<ApiKey> owned = keys.list(session.account());
        Map<ApiKeyId, Instant> lastUses = uses.lastUses(owned.stream().map(ApiKey::id).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        owned.stream()
            .sorted(Comparator.comparing(ApiKey::createdAt).reversed())
            .forEach(key -> {
                Map<String, Object> row = view(key);
                row.put("lastUsedAt", Optional.ofNullable(lastUses.get(key.id())).map(Object::toString).orElse("never"));
                rows.add(row);
            });
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("keys", rows);
        model.put("kinds", kinds.stream().map(KeyKind::name).sorted().map(name -> Map.of("name", name,
            "permissions", new TreeSet<>(permissionsOf(name)))).toList());
        model.put("domains", domains.list(session.account(), Optional.empty()).stream().map(domain -> domain.name().asString()).toList());
        issued.ifPresent(key -> {
            model.put("secret", key.secret());
            model.put("issued", view(key.key()));
        });
        error.ifPresent(message -> model.put("error", message));
        response.type("text/html; charset=utf-8");
        return templates.page("keys", "API keys", Optional.of(session), model);
    }

    private Set<String> permissionsOf(String kind) {
        Set<String> allowed = new TreeSet<>();
        permissions.stream().filter(declared -> declared.kind().name().equals(kind)).forEach(declared -> allowed.addAll(declared.allowed()));
        return allowed;
    }

    private static Map<String, Object> view(ApiKey key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", key.id().value());
        view.put("description", key.description());
        view.put("kind", key.kind().name());
        view.put("hint", "…" + key.hint());
        view.put("domain", key.scope().domain().map(Domain::asString).orElse(""));
        view.put("permissions", String.join(", ", new TreeSet<>(key.scope().permissions())));
        view.put("createdAt", key.createdAt().toString());
        view.put("active", key.isActive());
        view.put("revokedAt", key.revokedAt().map(Object::toString).orElse(""));
        return view;
    }

    private Object create(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        FormData form = FormData.parse(request);
        String kind = form.first("kind").orElse("").trim().toLowerCase(Locale.ROOT);
        Optional<KeyKind> known = kinds.stream().filter(candidate -> candidate.name().equals(kind)).findFirst();
        if (known.isEmpty()) {
            response.status(400);
            return page(request, response, Optional.empty(), Optional.of("Choose the kind of key"));
        }
        Optional<Domain> domain = form.firstNonBlank("domain").map(name -> name.trim().toLowerCase(Locale.ROOT))
            .flatMap(name -> domains.list(session.account(), Optional.empty()).stream().map(MailDomain::name)
                .filter(owned -> owned.asString().equals(name)).findFirst());
        try {
            IssuedKey issued = administration.issue(new KeyRequest(session.account(), known.get(),
                known.get().equals(KeyKind.DOMAIN_SENDING) ? domain : Optional.empty(),
                Set.copyOf(form.all("permission")), form.first("description").orElse("").trim()));
            return page(request, response, Optional.of(issued), Optional.empty());
        } catch (InvalidKeyRequestException e) {
            response.status(400);
            return page(request, response, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private Object revoke(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        ApiKeyId id;
        try {
            id = new ApiKeyId(request.params("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Key not found");
        }
        ApiKey key = keys.get(id).filter(found -> found.account().equals(session.account()))
            .orElseThrow(() -> ApiException.notFound("Key not found"));
        keys.revoke(key.id());
        response.redirect(ConsoleApi.PREFIX + "/keys");
        return "";
    }
}
