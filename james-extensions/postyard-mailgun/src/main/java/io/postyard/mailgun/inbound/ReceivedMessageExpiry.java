package io.postyard.mailgun.inbound;

import java.time.Clock;
import java.time.Duration;

import javax.inject.Inject;

import io.postyard.core.job.TimedJob;

/** Removes the received messages whose three days are over; reads already miss them, this frees their space. */
public class ReceivedMessageExpiry implements TimedJob {
    private final ReceivedMessageStore messages;
    private final Clock clock;

    @Inject
    public ReceivedMessageExpiry(ReceivedMessageStore messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "mailgun-received-message-expiry";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void run() {
        messages.deleteExpired(clock.instant());
    }
}
