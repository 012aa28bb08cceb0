package io.postyard.mailets.queue;

import javax.inject.Inject;

import io.postyard.core.health.ReadinessCheck;

/**
 * Ready once every component has started and the mail queue consumers run: the gate opens after James's listeners
 * are bound, so before that the server would accept mail it does not yet process.
 */
public class QueueConsumersReadiness implements ReadinessCheck {
    private final MailProcessingGate gate;

    @Inject
    public QueueConsumersReadiness(MailProcessingGate gate) {
        this.gate = gate;
    }

    @Override
    public String component() {
        return "mail-queues";
    }

    @Override
    public boolean isReady() {
        return gate.isOpen();
    }
}
