package io.postyard.core.mailbox;

import java.time.Duration;

import javax.inject.Inject;

import io.postyard.core.job.TimedJob;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/** Removes expired temporary mailboxes on the schedule {@code POSTYARD_MAILBOX_EXPIRY_INTERVAL} sets. */
public class HostedMailboxExpiry implements TimedJob {
    private final HostedMailboxService mailboxes;
    private final Duration interval;

    @Inject
    public HostedMailboxExpiry(HostedMailboxService mailboxes, PostyardSettings settings) {
        this.mailboxes = mailboxes;
        this.interval = settings.getDuration(Setting.MAILBOX_EXPIRY_INTERVAL);
    }

    @Override
    public String name() {
        return "hosted-mailbox-expiry";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        mailboxes.expireDue();
    }
}
