package io.postyard.core.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainNotFoundException;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;

/**
 * Puts API-built messages into James's spool, the queue SMTP puts mail in, so that they go through the same mailet
 * pipeline. A delivery time in the future becomes a delayed enqueue.
 */
public class SendingService {
    private final DomainService domains;
    private final MailQueue spool;
    private final Clock clock;

    @Inject
    public SendingService(DomainService domains, MailQueueFactory<?> queues, Clock clock) {
        this.domains = domains;
        this.spool = queues.createQueue(MailQueueFactory.SPOOL);
        this.clock = clock;
    }

    /** The domain a request sends from, if it belongs to the account and may send. */
    public MailDomain sendingDomain(AccountId account, org.apache.james.core.Domain name) {
        MailDomain domain = domains.get(account, name).orElseThrow(() -> new DomainNotFoundException(name));
        if (!domain.canSend()) {
            throw new DomainCannotSendException(domain);
        }
        return domain;
    }

    /** @throws SenderNotAllowedException when the final message names an author its sender may not use */
    public void send(SendRequest request) throws MessagingException {
        SenderHeaders.check(request.identity(), request.message());
        MailImpl mail = MailImpl.builder()
            .name("postyard-" + UUID.randomUUID())
            .sender(request.sender())
            .addRecipients(request.recipients())
            .mimeMessage(request.message())
            .addAttribute(request.metadata().asAttribute())
            .build();
        try {
            Duration delay = request.deliveryTime()
                .map(time -> Duration.between(clock.instant(), time))
                .filter(duration -> !duration.isNegative())
                .orElse(Duration.ZERO);
            if (delay.isZero()) {
                spool.enQueue(mail);
            } else {
                spool.enQueue(mail, delay);
            }
        } finally {
            mail.dispose();
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
