package io.postyard.http;

import java.util.Objects;
import java.util.Optional;

/** A file sent in a multipart form, such as an attachment. */
public record FilePart(String fieldName, String filename, Optional<String> contentType, byte[] content) {
    public FilePart {
        Objects.requireNonNull(fieldName);
        Objects.requireNonNull(filename);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(content);
    }
}
