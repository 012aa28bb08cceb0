package io.postyard.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.account.AccountId;
import io.postyard.core.key.ApiKey;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.FormData;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Signing in with the operator's password ({@link ConsoleSettings#PASSWORD}, the default account) or a primary key
 * (its account), and signing out. Repeated failures from one address lock it out ({@link LoginThrottle}).
 */
class SignInPages {
    private final ConsoleSessions sessions;
    private final ConsoleAccess access;
    private final LoginThrottle throttle;
    private final ApiKeyService keys;
    private final Templates templates;
    private final Optional<byte[]> passwordDigest;

    @Inject
    SignInPages(ConsoleSessions sessions, ConsoleAccess access, LoginThrottle throttle, ApiKeyService keys, Templates templates,
                PostyardSettings settings) {
        this.sessions = sessions;
        this.access = access;
        this.throttle = throttle;
        this.keys = keys;
        this.templates = templates;
        this.passwordDigest = settings.optional(ConsoleSettings.PASSWORD).filter(value -> !value.isBlank()).map(SignInPages::digest);
    }

    void define(Service service) {
        service.get(ConsoleApi.PREFIX + "/login", (request, response) -> form(response, Optional.empty(), 200));
        service.post(ConsoleApi.PREFIX + "/login", this::signIn);
        service.post(ConsoleApi.PREFIX + "/logout", (request, response) -> {
            access.signOut(request, response);
            response.redirect(ConsoleApi.PREFIX + "/login");
            return "";
        });
    }

    private Object signIn(Request request, Response response) {
        String address = request.ip();
        if (throttle.isLocked(address)) {
            return form(response, Optional.of("Too many failed attempts: this address is locked for a while."), 429);
        }
        String secret = FormData.parse(request).first("password").orElse("");
        Optional<AccountId> account = accountOf(secret);
        if (account.isEmpty()) {
            throttle.failed(address);
            return form(response, Optional.of("Wrong password or key."), 401);
        }
        throttle.succeeded(address);
        access.signIn(response, sessions.open(account.get()));
        response.redirect(ConsoleApi.PREFIX + "/overview");
        return "";
    }

    private Optional<AccountId> accountOf(String secret) {
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        if (passwordDigest.isPresent() && MessageDigest.isEqual(passwordDigest.get(), digest(secret))) {
            return Optional.of(AccountId.DEFAULT);
        }
        return keys.authenticate(secret).filter(ApiKey::isPrimary).map(ApiKey::account);
    }

    private String form(Response response, Optional<String> error, int status) {
        response.status(status);
        response.type("text/html; charset=utf-8");
        Map<String, Object> model = new HashMap<>();
        error.ifPresent(message -> model.put("error", message));
        return templates.page("login", "Sign in", Optional.empty(), model);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
