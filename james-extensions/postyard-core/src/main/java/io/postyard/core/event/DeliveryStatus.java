package io.postyard.core.event;

import java.util.Optional;

/** What the receiving side answered for one delivery attempt. */
public record DeliveryStatus(Optional<Integer> code, Optional<String> enhancedCode, String message,
                             Optional<String> mxHost, int attemptNo) {
    public DeliveryStatus {
        java.util.Objects.requireNonNull(code);
        java.util.Objects.requireNonNull(enhancedCode);
        java.util.Objects.requireNonNull(message);
        java.util.Objects.requireNonNull(mxHost);
    }
}
