package io.postyard.mailgun;

import org.apache.james.core.Domain;

import io.postyard.core.key.ApiKey;
import io.postyard.http.ApiException;
import io.postyard.http.Authenticated;
import spark.Request;

/** What the authenticated key may do: the document marks some endpoints primary-key only. */
final class MailgunAccess {
    static ApiKey requirePrimary(Request request) {
        ApiKey key = Authenticated.require(request);
        if (!key.isPrimary()) {
            throw ApiException.forbidden("This endpoint can only be accessed using the primary API key");
        }
        return key;
    }

    static ApiKey requireDomain(Request request, Domain domain) {
        ApiKey key = Authenticated.require(request);
        if (!key.scope().allowsDomain(domain)) {
            throw ApiException.forbidden("This API key cannot access domain " + domain.asString());
        }
        return key;
    }

    private MailgunAccess() {
    }
}
