package io.postyard.openmail;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.core.webhook.WebhookPayloadFinaliser;
import io.postyard.http.Json;

/**
 * Writes the attempt number and the delivery time into an openmail payload just before each attempt is signed; the
 * rest, {@code event_id} first, stays as it was rendered. Members keep their places.
 */
class OpenmailPayloadFinaliser implements WebhookPayloadFinaliser {
    static final String DELIVERED_AT = "delivered_at";
    static final String ATTEMPT = "attempt";

    @Override
    public byte[] finalise(byte[] payload, int attempt, Instant at) {
        try {
            JsonNode node = Json.MAPPER.readTree(payload);
            if (!(node instanceof ObjectNode object)) {
                return payload;
            }
            object.put(DELIVERED_AT, OpenmailTimes.format(at));
            object.put(ATTEMPT, attempt);
            return Json.MAPPER.writeValueAsBytes(object);
        } catch (IOException e) {
            // Not an openmail JSON body: delivered as it is rather than not at all.
            return payload;
        }
    }
}
