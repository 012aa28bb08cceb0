package io.postyard.mailgun.list;

import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.event.EventSubscriber;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.sending.OutboundMetadata;

/**
 * A member who used a list's unsubscribe link (the {@code unsubscribed} event names the list) stops getting that
 * list's mail; it still gets everything else, which is why no suppression is recorded for it.
 */
public class ListUnsubscribes implements EventSubscriber {
    private final MailingListService lists;

    @Inject
    public ListUnsubscribes(MailingListService lists) {
        this.lists = lists;
    }

    @Override
    public void onEvent(PostyardEvent event) {
        if (event.type() != EventType.UNSUBSCRIBED) {
            return;
        }
        Optional.ofNullable(event.details().get(OutboundMetadata.MAILING_LIST_DETAIL))
            .filter(list -> lists.get(event.account(), list).isPresent())
            .ifPresent(list -> event.recipient().ifPresent(member -> lists.unsubscribe(list, member)));
    }
}
