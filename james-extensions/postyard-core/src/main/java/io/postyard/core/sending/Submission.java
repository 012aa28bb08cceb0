package io.postyard.core.sending;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.MailDomain;

/**
 * One message a provider asks to send: the final MIME message (composed, or the client's own), who sends it and may
 * appear as its author, through which domain, to whom, and the per-message options. {@link SendingService#submit}
 * does everything else every send shares. Built with {@link #builder}: only what the provider knows is set; the
 * options go straight into the message's {@link OutboundMetadata}, which the sending service completes.
 */
public final class Submission {
    private final MailDomain domain;
    private final SenderIdentity identity;
    private final MimeMessage message;
    private final String messageId;
    private final List<MailAddress> recipients;
    private final Optional<Instant> deliveryTime;
    private final OutboundMetadata.Builder metadata;

    private Submission(Builder builder) {
        this.domain = builder.domain;
        this.identity = builder.identity;
        this.message = builder.message;
        this.messageId = builder.messageId;
        this.recipients = List.copyOf(new LinkedHashSet<>(builder.recipients));
        this.deliveryTime = builder.deliveryTime;
        this.metadata = builder.metadata;
    }

    /** {@code messageId} is the message's {@code Message-ID}, as {@link SendingService#newMessageId} made it or the client chose it. */
    public static Builder builder(AccountId account, MailDomain domain, SenderIdentity identity, MimeMessage message, String messageId) {
        return new Builder(account, domain, identity, message, messageId);
    }

    public MailDomain domain() {
        return domain;
    }

    public SenderIdentity identity() {
        return identity;
    }

    public MimeMessage message() {
        return message;
    }

    public String messageId() {
        return messageId;
    }

    /** In the order given, each once. */
    public List<MailAddress> recipients() {
        return recipients;
    }

    public Optional<Instant> deliveryTime() {
        return deliveryTime;
    }

    /** The provider's part of the metadata; the sending service adds what it reads off the final message. */
    OutboundMetadata.Builder metadata() {
        return metadata;
    }

    public static final class Builder {
        private final MailDomain domain;
        private final SenderIdentity identity;
        private final MimeMessage message;
        private final String messageId;
        private final OutboundMetadata.Builder metadata;
        private List<MailAddress> recipients = List.of();
        private Optional<Instant> deliveryTime = Optional.empty();

        private Builder(AccountId account, MailDomain domain, SenderIdentity identity, MimeMessage message, String messageId) {
            this.domain = Objects.requireNonNull(domain);
            this.identity = Objects.requireNonNull(identity);
            this.message = Objects.requireNonNull(message);
            this.messageId = Objects.requireNonNull(messageId);
            this.metadata = OutboundMetadata.builder(account, domain.name(), messageId);
        }

        public Builder recipients(List<MailAddress> recipients) {
            this.recipients = List.copyOf(recipients);
            return this;
        }

        public Builder tags(List<String> tags) {
            metadata.tags(tags);
            return this;
        }

        public Builder variables(Map<String, String> variables) {
            metadata.variables(variables);
            return this;
        }

        public Builder testMode(boolean testMode) {
            metadata.testMode(testMode);
            return this;
        }

        public Builder tracking(Optional<Boolean> opens, Optional<Boolean> clicks) {
            metadata.trackOpens(opens).trackClicks(clicks);
            return this;
        }

        public Builder dkim(Optional<Boolean> dkim) {
            metadata.dkim(dkim);
            return this;
        }

        public Builder callbackUrl(Optional<String> callbackUrl) {
            metadata.callbackUrl(callbackUrl);
            return this;
        }

        /** A copy of a list's mail for one of its members: its events name the list, its unsubscribe link is the list's. */
        public Builder mailingList(String address) {
            metadata.mailingList(Optional.of(address));
            return this;
        }

        public Builder deliveryTime(Optional<Instant> deliveryTime) {
            this.deliveryTime = deliveryTime;
            return this;
        }

        public Submission build() {
            return new Submission(this);
        }
    }
}
