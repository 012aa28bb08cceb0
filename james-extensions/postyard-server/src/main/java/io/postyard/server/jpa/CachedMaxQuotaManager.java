package io.postyard.server.jpa;

import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.reactivestreams.Publisher;

import io.postyard.core.cache.WriteInvalidatedCache;
import reactor.core.publisher.Mono;

/**
 * James's quota limits on the single-node SQL profile, with each quota root's limits kept in memory: every append
 * reads them twice (to check the quota, then to publish the new usage), six queries each time, and they change only
 * when an operator sets one, through this node. Any change forgets every root's limits, as a domain's or the global
 * limit applies to many roots.
 */
class CachedMaxQuotaManager implements MaxQuotaManager {
    private static final int ROOTS_KEPT = 100_000;

    private final MaxQuotaManager limits;
    private final WriteInvalidatedCache<QuotaRoot, QuotaDetails> byRoot = new WriteInvalidatedCache<>(ROOTS_KEPT);

    CachedMaxQuotaManager(MaxQuotaManager limits) {
        this.limits = limits;
    }

    @Override
    public QuotaDetails quotaDetails(QuotaRoot quotaRoot) {
        return byRoot.get(quotaRoot, () -> limits.quotaDetails(quotaRoot));
    }

    @Override
    public Publisher<QuotaDetails> quotaDetailsReactive(QuotaRoot quotaRoot) {
        return byRoot.get(quotaRoot, Mono.from(limits.quotaDetailsReactive(quotaRoot)));
    }

    @Override
    public Map<Quota.Scope, QuotaCountLimit> listMaxMessagesDetails(QuotaRoot quotaRoot) {
        return quotaDetails(quotaRoot).getMaxMessageDetails();
    }

    @Override
    public Publisher<Map<Quota.Scope, QuotaCountLimit>> listMaxMessagesDetailsReactive(QuotaRoot quotaRoot) {
        return Mono.from(quotaDetailsReactive(quotaRoot)).map(QuotaDetails::getMaxMessageDetails);
    }

    @Override
    public Map<Quota.Scope, QuotaSizeLimit> listMaxStorageDetails(QuotaRoot quotaRoot) {
        return quotaDetails(quotaRoot).getMaxStorageDetails();
    }

    @Override
    public Publisher<Map<Quota.Scope, QuotaSizeLimit>> listMaxStorageDetailsReactive(QuotaRoot quotaRoot) {
        return Mono.from(quotaDetailsReactive(quotaRoot)).map(QuotaDetails::getMaxStorageDetails);
    }

    @Override
    public Optional<QuotaSizeLimit> getGlobalMaxStorage() throws MailboxException {
        return limits.getGlobalMaxStorage();
    }

    @Override
    public Publisher<QuotaSizeLimit> getGlobalMaxStorageReactive() {
        return limits.getGlobalMaxStorageReactive();
    }

    @Override
    public Optional<QuotaCountLimit> getGlobalMaxMessage() throws MailboxException {
        return limits.getGlobalMaxMessage();
    }

    @Override
    public Publisher<QuotaCountLimit> getGlobalMaxMessageReactive() {
        return limits.getGlobalMaxMessageReactive();
    }

    @Override
    public Optional<QuotaCountLimit> getDomainMaxMessage(Domain domain) {
        return limits.getDomainMaxMessage(domain);
    }

    @Override
    public Publisher<QuotaCountLimit> getDomainMaxMessageReactive(Domain domain) {
        return limits.getDomainMaxMessageReactive(domain);
    }

    @Override
    public Optional<QuotaSizeLimit> getDomainMaxStorage(Domain domain) {
        return limits.getDomainMaxStorage(domain);
    }

    @Override
    public Publisher<QuotaSizeLimit> getDomainMaxStorageReactive(Domain domain) {
        return limits.getDomainMaxStorageReactive(domain);
    }

    @Override
    public void setMaxStorage(QuotaRoot quotaRoot, QuotaSizeLimit maxStorageQuota) throws MailboxException {
        write(() -> limits.setMaxStorage(quotaRoot, maxStorageQuota));
    }

    @Override
    public Publisher<Void> setMaxStorageReactive(QuotaRoot quotaRoot, QuotaSizeLimit maxStorageQuota) {
        return write(limits.setMaxStorageReactive(quotaRoot, maxStorageQuota));
    }

    @Override
    public void setMaxMessage(QuotaRoot quotaRoot, QuotaCountLimit maxMessageCount) throws MailboxException {
        write(() -> limits.setMaxMessage(quotaRoot, maxMessageCount));
    }

    @Override
    public Publisher<Void> setMaxMessageReactive(QuotaRoot quotaRoot, QuotaCountLimit maxMessageCount) {
        return write(limits.setMaxMessageReactive(quotaRoot, maxMessageCount));
    }

    @Override
    public void removeMaxMessage(QuotaRoot quotaRoot) throws MailboxException {
        write(() -> limits.removeMaxMessage(quotaRoot));
    }

    @Override
    public Publisher<Void> removeMaxMessageReactive(QuotaRoot quotaRoot) {
        return write(limits.removeMaxMessageReactive(quotaRoot));
    }

    @Override
    public void removeMaxStorage(QuotaRoot quotaRoot) throws MailboxException {
        write(() -> limits.removeMaxStorage(quotaRoot));
    }

    @Override
    public Publisher<Void> removeMaxStorageReactive(QuotaRoot quotaRoot) {
        return write(limits.removeMaxStorageReactive(quotaRoot));
    }

    @Override
    public void setGlobalMaxStorage(QuotaSizeLimit globalMaxStorage) throws MailboxException {
        write(() -> limits.setGlobalMaxStorage(globalMaxStorage));
    }

    @Override
    public Publisher<Void> setGlobalMaxStorageReactive(QuotaSizeLimit globalMaxStorage) {
        return write(limits.setGlobalMaxStorageReactive(globalMaxStorage));
    }

    @Override
    public void removeGlobalMaxStorage() throws MailboxException {
        write(limits::removeGlobalMaxStorage);
    }

    @Override
    public Publisher<Void> removeGlobalMaxStorageReactive() {
        return write(limits.removeGlobalMaxStorageReactive());
    }

    @Override
    public void setGlobalMaxMessage(QuotaCountLimit globalMaxMessageCount) throws MailboxException {
        write(() -> limits.setGlobalMaxMessage(globalMaxMessageCount));
    }

    @Override
    public Publisher<Void> setGlobalMaxMessageReactive(QuotaCountLimit globalMaxMessageCount) {
        return write(limits.setGlobalMaxMessageReactive(globalMaxMessageCount));
    }

    @Override
    public void removeGlobalMaxMessage() throws MailboxException {
        write(limits::removeGlobalMaxMessage);
    }

    @Override
    public Publisher<Void> removeGlobalMaxMessageReactive() {
        return write(limits.removeGlobalMaxMessageReactive());
    }

    @Override
    public void setDomainMaxMessage(Domain domain, QuotaCountLimit count) throws MailboxException {
        write(() -> limits.setDomainMaxMessage(domain, count));
    }

    @Override
    public Publisher<Void> setDomainMaxMessageReactive(Domain domain, QuotaCountLimit count) {
        return write(limits.setDomainMaxMessageReactive(domain, count));
    }

    @Override
    public void removeDomainMaxMessage(Domain domain) throws MailboxException {
        write(() -> limits.removeDomainMaxMessage(domain));
    }

    @Override
    public Publisher<Void> removeDomainMaxMessageReactive(Domain domain) {
        return write(limits.removeDomainMaxMessageReactive(domain));
    }

    @Override
    public void setDomainMaxStorage(Domain domain, QuotaSizeLimit size) throws MailboxException {
        write(() -> limits.setDomainMaxStorage(domain, size));
    }

    @Override
    public Publisher<Void> setDomainMaxStorageReactive(Domain domain, QuotaSizeLimit size) {
        return write(limits.setDomainMaxStorageReactive(domain, size));
    }

    @Override
    public void removeDomainMaxStorage(Domain domain) throws MailboxException {
        write(() -> limits.removeDomainMaxStorage(domain));
    }

    @Override
    public Publisher<Void> removeDomainMaxStorageReactive(Domain domain) {
        return write(limits.removeDomainMaxStorageReactive(domain));
    }

    private void write(LimitWrite write) throws MailboxException {
        try {
            write.run();
        } finally {
            byRoot.forgetAll();
        }
    }

    private Publisher<Void> write(Publisher<Void> write) {
        return byRoot.writingAny(Mono.from(write));
    }

    @FunctionalInterface
    private interface LimitWrite {
        void run() throws MailboxException;
    }
}
