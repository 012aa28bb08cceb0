package io.postyard.http;

import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.sending.AttachedFile;
import io.postyard.core.sending.MessageComposer;

/**
 * A file attached to a JSON send request: {@code {"filename", "content": base64, <type field>}}, where providers name
 * the type field their own way ({@code content_type}, {@code contentType}). Every flaw is a 400 naming the field.
 */
public final class JsonAttachments {
    public static AttachedFile file(JsonNode node, String field, String typeField) {
        JsonNode filename = node.get("filename");
        JsonNode content = node.get("content");
        if (filename == null || !filename.isTextual() || filename.asText().isBlank()) {
            throw JsonBody.invalid(field, "Invalid attachment", "Each attachment needs a 'filename'");
        }
        if (content == null || !content.isTextual()) {
            throw JsonBody.invalid(field, "Invalid attachment", "Each attachment needs 'content', base64-encoded");
        }
        byte[] bytes;
        try {
            // Line breaks are tolerated; any other character outside base64 is an error, not silently skipped.
            bytes = Base64.getDecoder().decode(content.asText().replaceAll("[\\r\\n ]", ""));
        } catch (IllegalArgumentException e) {
            throw JsonBody.invalid(field, "Invalid attachment", "'content' must be base64-encoded");
        }
        Optional<String> type = Optional.ofNullable(node.get(typeField)).filter(JsonNode::isTextual).map(JsonNode::asText)
            .filter(value -> !value.isBlank());
        if (type.isPresent() && !type.get().matches("[\\w.+-]+/[\\w.+-]+")) {
            throw JsonBody.invalid(field, "Invalid attachment", "'" + typeField + "' must be a MIME type such as text/plain");
        }
        return new AttachedFile(MessageComposer.baseName(filename.asText()), type, bytes);
    }

    private JsonAttachments() {
    }
}
