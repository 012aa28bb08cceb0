package io.postyard.mailgun;

import java.util.Map;

import javax.inject.Inject;

import io.postyard.core.account.SigningKeyService;
import io.postyard.core.key.ApiKey;
import io.postyard.http.Json;
import spark.Service;

/** {@code /v5/accounts/http_signing_key}: read and rotate the key webhook payloads are signed with. */
class SigningKeyRoutes {
    private final SigningKeyService signingKeys;

    @Inject
    SigningKeyRoutes(SigningKeyService signingKeys) {
        this.signingKeys = signingKeys;
    }

    void define(Service service, String prefix) {
        String path = prefix + "/v5/accounts/http_signing_key";
        service.get(path, Json.route((request, response) -> {
            ApiKey key = MailgunAccess.requirePrimary(request);
            return Map.of("http_signing_key", signingKeys.signingKey(key.account()));
        }));
        service.post(path, Json.route((request, response) -> {
            ApiKey key = MailgunAccess.requirePrimary(request);
            return Map.of("message", "success", "http_signing_key", signingKeys.rotate(key.account()));
        }));
    }
}
