package io.postyard.opensrs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.core.storage.StorageAvailability;
import io.postyard.http.ApiError;
import io.postyard.http.ApiException;
import io.postyard.http.ErrorCode;
import io.postyard.http.Json;

/**
 * Runs one call: the method must exist (else HTTP 404) and the body must be a JSON object (else HTTP 400); from then
 * on every answer is HTTP 200, {@code success} telling how it went, except a storage outage: that one reaches the
 * server's shared answer, HTTP 503 with {@code Retry-After} (in OMA's envelope, {@code error_number} 0), so that a
 * client retries instead of taking it for a refusal.
 */
public class OmaDispatcher {
    private static final Logger LOGGER = LoggerFactory.getLogger(OmaDispatcher.class);

    private final OmaMethods methods;
    private final OmaAuthenticator authenticator;
    private final StorageAvailability storage;

    @Inject
    public OmaDispatcher(OmaMethods methods, OmaAuthenticator authenticator, StorageAvailability storage) {
        this.methods = methods;
        this.authenticator = authenticator;
        this.storage = storage;
    }

    public Map<String, Object> dispatch(String name, byte[] body) {
        OmaMethod method = methods.get(name)
            .orElseThrow(() -> new ApiException(new ApiError(404, ErrorCode.NOT_FOUND, "Unknown method: " + OmaNames.printable(name))));
        OmaRequest request = new OmaRequest(name, parse(body));
        try {
            Caller caller = authenticator.authenticate(request);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", true);
            answer.putAll(method.call(caller, request));
            return answer;
        } catch (OmaException e) {
            return e.body();
        } catch (RuntimeException e) {
            if (storage.isOutage(e)) {
                throw e;
            }
            LOGGER.error("OMA method {} failed", name, e);
            return new OmaException(OmaError.SERVER, "Internal server error").body();
        }
    }

    private static ObjectNode parse(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("The request must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw ApiException.badRequest("The request is not valid JSON");
        }
    }
}
