package io.postyard.core.sending;

import java.util.Optional;

import io.postyard.core.event.Severity;

/**
 * What a delivery failure means: how final it is, the enhanced status code when one was given, and whether it says
 * the mailbox does not exist, the only kind that puts an address on the bounce list.
 */
public record BounceClassification(Severity severity, Optional<Integer> code, Optional<String> enhancedCode,
                                   boolean mailboxDoesNotExist, String message) {
}
