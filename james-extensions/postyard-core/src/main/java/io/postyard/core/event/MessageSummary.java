package io.postyard.core.event;

import java.util.Objects;
import java.util.Optional;

/** The headers of the message an event is about, as the events API shows them. */
public record MessageSummary(String messageId, Optional<String> from, Optional<String> to, Optional<String> subject,
                             long size) {
    public MessageSummary {
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
    }
}
