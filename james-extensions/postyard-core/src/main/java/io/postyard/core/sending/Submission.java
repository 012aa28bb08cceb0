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
 * does everything else every send shares. Built with {@link #builder}: only what the provider knows is set.
 */
public final class Submission {
    private final AccountId account;
    private final MailDomain domain;
    private final SenderIdentity identity;
    private final MimeMessage message;
    private final String messageId;
    private final List<MailAddress> recipients;
    private final List<String> tags;
    private final Map<String, String> variables;
    private final boolean testMode;
    private final Optional<Boolean> trackOpens;
    private final Optional<Boolean> trackClicks;
    private final Optional<Boolean> dkim;
    private final Optional<String> callbackUrl;
    private final Optional<Instant> deliveryTime;

    private Submission(Builder builder) {
        this.account = builder.account;
        this.domain = builder.domain;
        this.identity = builder.identity;
        this.message = builder.message;
        this.messageId = builder.messageId;
        this.recipients = List.copyOf(new LinkedHashSet<>(builder.recipients));
        this.tags = List.copyOf(builder.tags);
        this.variables = Map.copyOf(builder.variables);
        this.testMode = builder.testMode;
        this.trackOpens = builder.trackOpens;
        this.trackClicks = builder.trackClicks;
        this.dkim = builder.dkim;
        this.callbackUrl = builder.callbackUrl;
        this.deliveryTime = builder.deliveryTime;
    }

    /** {@code messageId} is the message's {@code Message-ID}, as {@link SendingService#newMessageId} made it or the client chose it. */
    public static Builder builder(AccountId account, MailDomain domain, SenderIdentity identity, MimeMessage message, String messageId) {
        return new Builder(account, domain, identity, message, messageId);
    }

    public AccountId account() {
        return account;
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

    OutboundMetadata.Builder metadata() {
        return OutboundMetadata.builder(account, domain.name(), messageId)
            .tags(tags)
            .variables(variables)
            .testMode(testMode)
            .trackOpens(trackOpens)
            .trackClicks(trackClicks)
            .dkim(dkim)
            .callbackUrl(callbackUrl);
    }

    public static final class Builder {
        private final AccountId account;
        private final MailDomain domain;
        private final SenderIdentity identity;
        private final MimeMessage message;
        private final String messageId;
        private List<MailAddress> recipients = List.of();
        private List<String> tags = List.of();
        private Map<String, String> variables = Map.of();
        private boolean testMode;
        private Optional<Boolean> trackOpens = Optional.empty();
        private Optional<Boolean> trackClicks = Optional.empty();
        private Optional<Boolean> dkim = Optional.empty();
        private Optional<String> callbackUrl = Optional.empty();
        private Optional<Instant> deliveryTime = Optional.empty();

        private Builder(AccountId account, MailDomain domain, SenderIdentity identity, MimeMessage message, String messageId) {
            this.account = Objects.requireNonNull(account);
            this.domain = Objects.requireNonNull(domain);
            this.identity = Objects.requireNonNull(identity);
            this.message = Objects.requireNonNull(message);
            this.messageId = Objects.requireNonNull(messageId);
        }

        public Builder recipients(List<MailAddress> recipients) {
            this.recipients = List.copyOf(recipients);
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = List.copyOf(tags);
            return this;
        }

        public Builder variables(Map<String, String> variables) {
            this.variables = Map.copyOf(variables);
            return this;
        }

        public Builder testMode(boolean testMode) {
            this.testMode = testMode;
            return this;
        }

        public Builder tracking(Optional<Boolean> opens, Optional<Boolean> clicks) {
            this.trackOpens = opens;
            this.trackClicks = clicks;
            return this;
        }

        public Builder dkim(Optional<Boolean> dkim) {
            this.dkim = dkim;
            return this;
        }

        public Builder callbackUrl(Optional<String> callbackUrl) {
            this.callbackUrl = callbackUrl;
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
