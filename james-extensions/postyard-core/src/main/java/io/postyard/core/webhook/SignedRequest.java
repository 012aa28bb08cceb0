package io.postyard.core.webhook;

import java.util.Map;

/** What is actually posted: the body and the headers a scheme's signature lives in. */
public record SignedRequest(byte[] body, Map<String, String> headers) {
    public SignedRequest {
        headers = Map.copyOf(headers);
    }
}
