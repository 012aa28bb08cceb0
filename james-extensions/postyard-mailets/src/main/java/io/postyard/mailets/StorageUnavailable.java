package io.postyard.mailets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import io.postyard.core.storage.StorageAvailability;

/**
 * Mail whose processing failed because the storage was away: the failure James recorded on it is an outage, or the
 * storage does not answer now (LocalDelivery hands on the recipients it could not deliver to without the failure).
 */
public class StorageUnavailable extends GenericMatcher {
    private final StorageAvailability storage;

    @Inject
    public StorageUnavailable(StorageAvailability storage) {
        this.storage = storage;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        boolean outage = failure(mail).map(storage::isOutage).orElse(false) || !storage.isReachable();
        return outage ? mail.getRecipients() : List.of();
    }

    private static Optional<Throwable> failure(Mail mail) {
        return mail.getAttribute(Mail.MAILET_ERROR)
            .map(attribute -> attribute.getValue().value())
            .filter(Throwable.class::isInstance)
            .map(Throwable.class::cast);
    }
}
