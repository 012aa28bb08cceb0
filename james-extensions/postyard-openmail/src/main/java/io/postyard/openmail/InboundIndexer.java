package io.postyard.openmail;

import javax.inject.Inject;

import io.postyard.core.event.EventSubscriber;
import io.postyard.core.event.PostyardEvent;

/** Files every message an inbox receives in its thread, whether or not a webhook announces it. */
class InboundIndexer implements EventSubscriber {
    private final InboundMail inbound;

    @Inject
    InboundIndexer(InboundMail inbound) {
        this.inbound = inbound;
    }

    @Override
    public void onEvent(PostyardEvent event) {
        inbound.of(event);
    }
}
