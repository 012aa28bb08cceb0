package io.postyard.core.sending;

import java.util.Objects;
import java.util.Optional;

/** A file to attach to (or show inline in) a message a provider API composes. */
public record AttachedFile(String filename, Optional<String> contentType, byte[] content) {
    public AttachedFile {
        Objects.requireNonNull(filename);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(content);
    }
}
