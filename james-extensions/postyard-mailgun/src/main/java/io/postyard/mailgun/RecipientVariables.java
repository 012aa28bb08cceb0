package io.postyard.mailgun;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.InternetAddress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.sending.MessageComposer;
import io.postyard.core.sending.SendingService;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;

/**
 * Batch sending: {@code recipient-variables} maps each recipient to its values, and every {@code %recipient.x%} in
 * the subject and bodies is replaced per recipient. A placeholder without a value becomes empty.
 */
public final class RecipientVariables {
    private static final Pattern PLACEHOLDER = Pattern.compile("%recipient\\.([A-Za-z0-9_\\-]+)%");

    static Optional<Map<String, Map<String, String>>> parse(FormData form) {
        return form.firstNonBlank("recipient-variables").map(RecipientVariables::parseJson);
    }

    private static Map<String, Map<String, String>> parseJson(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid();
        }
        if (root == null || !root.isObject()) {
            throw invalid();
        }
        if (root.size() > SendingService.MAX_RECIPIENTS) {
            throw ApiException.validation("'recipient-variables' may describe at most " + SendingService.MAX_RECIPIENTS
                + " recipients", Map.of("field", "recipient-variables"));
        }
        Map<String, Map<String, String>> byRecipient = new HashMap<>();
        root.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isObject()) {
                throw invalid();
            }
            Map<String, String> values = new HashMap<>();
            entry.getValue().fields().forEachRemaining(value -> values.put(value.getKey(),
                value.getValue().isValueNode() ? value.getValue().asText() : value.getValue().toString()));
            byRecipient.put(entry.getKey().trim().toLowerCase(Locale.ROOT), values);
        });
        return byRecipient;
    }

    private static ApiException invalid() {
        return ApiException.validation("'recipient-variables' must be a JSON object of objects, keyed by recipient address",
            Map.of("field", "recipient-variables"));
    }

    static MessageComposer.Content personalize(MessageComposer.Content content, InternetAddress recipient,
                                               Map<String, String> values) {
        return new MessageComposer.Content(content.from(), List.of(recipient), content.cc(), content.replyTo(),
            substitute(content.subject(), values), content.text().map(text -> substitute(text, values)),
            content.html().map(html -> substitute(html, values)), content.ampHtml().map(amp -> substitute(amp, values)),
            content.attachments(), content.inlines(), content.headers());
    }

    /** Every {@code %recipient.x%} replaced by the value of {@code x}, or by nothing when there is none. */
    public static String substitute(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private RecipientVariables() {
    }
}
