package io.postyard.core.mailbox;

import java.time.ZonedDateTime;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.QuotaManager;
import org.apache.james.mailbox.quota.UserQuotaRootResolver;
import org.apache.james.util.ValuePatch;
import org.apache.james.vacation.api.AccountId;
import org.apache.james.vacation.api.VacationPatch;
import org.apache.james.vacation.api.VacationRepository;

/**
 * Per-user and per-domain settings that James enforces itself: storage quotas (checked when mail is appended) and the
 * vacation reply that {@code VacationMailet} sends.
 */
public class MailboxLimits {
    public record Usage(long bytesUsed, Optional<Long> bytesMax, long messagesUsed) {
    }

    private final MaxQuotaManager maxQuotas;
    private final QuotaManager quotas;
    private final UserQuotaRootResolver quotaRoots;
    private final VacationRepository vacations;

    @Inject
    public MailboxLimits(MaxQuotaManager maxQuotas, QuotaManager quotas, UserQuotaRootResolver quotaRoots, VacationRepository vacations) {
        this.maxQuotas = maxQuotas;
        this.quotas = quotas;
        this.quotaRoots = quotaRoots;
        this.vacations = vacations;
    }

    /** Bytes a user may store; empty falls back to the domain's default. */
    public void setUserQuota(Username user, Optional<Long> bytes) {
        QuotaRoot root = quotaRoots.forUser(user);
        run(() -> {
            if (bytes.isPresent()) {
                maxQuotas.setMaxStorage(root, QuotaSizeLimit.size(bytes.get()));
            } else {
                maxQuotas.removeMaxStorage(root);
            }
        });
    }

    public void setDomainQuota(Domain domain, Optional<Long> bytes) {
        run(() -> {
            if (bytes.isPresent()) {
                maxQuotas.setDomainMaxStorage(domain, QuotaSizeLimit.size(bytes.get()));
            } else {
                maxQuotas.removeDomainMaxStorage(domain);
            }
        });
    }

    public Usage usage(Username user) {
        try {
            QuotaRoot root = quotaRoots.forUser(user);
            var storage = quotas.getStorageQuota(root);
            var messages = quotas.getMessageQuota(root);
            Optional<Long> max = storage.getLimit().isUnlimited() ? Optional.empty() : Optional.of(storage.getLimit().asLong());
            return new Usage(storage.getUsed().asLong(), max, messages.getUsed().asLong());
        } catch (MailboxException e) {
            throw new IllegalStateException("James could not read the quota of " + user.asString(), e);
        }
    }

    public void setAutoresponder(Username user, boolean enabled, String subject, String text, Optional<ZonedDateTime> until) {
        VacationPatch patch = VacationPatch.builder()
            .isEnabled(enabled)
            .subject(subject.isEmpty() ? ValuePatch.remove() : ValuePatch.modifyTo(subject))
            .textBody(text.isEmpty() ? ValuePatch.remove() : ValuePatch.modifyTo(text))
            .toDate(until.map(ValuePatch::modifyTo).orElse(ValuePatch.remove()))
            .build();
        vacations.modifyVacation(AccountId.fromUsername(user), patch).block();
    }

    public void removeAll(Username user) {
        setUserQuota(user, Optional.empty());
        setAutoresponder(user, false, "", "", Optional.empty());
    }

    private interface QuotaChange {
        void run() throws MailboxException;
    }

    private static void run(QuotaChange change) {
        try {
            change.run();
        } catch (MailboxException e) {
            throw new IllegalStateException("James refused a quota change", e);
        }
    }
}
