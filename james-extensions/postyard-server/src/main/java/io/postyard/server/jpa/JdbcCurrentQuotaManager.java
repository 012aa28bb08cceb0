package io.postyard.server.jpa;

import java.util.function.ToIntFunction;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.quota.QuotaCountUsage;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.mailbox.model.CurrentQuotas;
import org.apache.james.mailbox.model.QuotaOperation;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.CurrentQuotaManager;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import io.postyard.core.cache.WriteInvalidatedCache;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import reactor.core.publisher.Mono;

/**
 * James's current quota usage on the single-node SQL profile, in the table of James's JPA entity
 * ({@code JAMES_QUOTA_CURRENTQUOTA}, so a data directory keeps its figures), each change one
 * {@code UPDATE ... SET n = n + ?}: James's {@code JpaCurrentQuotaManager} reads the row and merges the sum in an
 * OpenJPA transaction, four statements and a tenth of the CPU an append takes, and two deliveries to one user at the
 * same moment can lose one's increment. Each root's usage is kept in memory between its changes (this node is the only
 * writer): an append reads it before (the quota check) and after (the usage event).
 */
public class JdbcCurrentQuotaManager implements CurrentQuotaManager {
    private static final int ROOTS_KEPT = 100_000;
    private static final String TABLE = "JAMES_QUOTA_CURRENTQUOTA";

    private final Jdbi jdbi;
    private final WriteInvalidatedCache<QuotaRoot, CurrentQuotas> byRoot = new WriteInvalidatedCache<>(ROOTS_KEPT);

    /** {@code james}: its provider has made James's tables, this one among them. */
    @Inject
    public JdbcCurrentQuotaManager(PostyardDatabase database, EntityManagerFactory james) {
        this.jdbi = database.jdbi();
    }

    @Override
    public Mono<QuotaCountUsage> getCurrentMessageCount(QuotaRoot quotaRoot) {
        return getCurrentQuotas(quotaRoot).map(CurrentQuotas::count);
    }

    @Override
    public Mono<QuotaSizeUsage> getCurrentStorage(QuotaRoot quotaRoot) {
        return getCurrentQuotas(quotaRoot).map(CurrentQuotas::size);
    }

    @Override
    public Mono<CurrentQuotas> getCurrentQuotas(QuotaRoot quotaRoot) {
        return byRoot.get(quotaRoot, Mono.fromCallable(() -> read(quotaRoot)));
    }

    @Override
    public Mono<Void> increase(QuotaOperation operation) {
        return add(operation.quotaRoot(), operation.count().asLong(), operation.size().asLong());
    }

    @Override
    public Mono<Void> decrease(QuotaOperation operation) {
        return add(operation.quotaRoot(), -operation.count().asLong(), -operation.size().asLong());
    }

    @Override
    public Mono<Void> setCurrentQuotas(QuotaOperation operation) {
        return write(operation.quotaRoot(),
            handle -> handle.createUpdate("UPDATE " + TABLE + " SET CURRENTQUOTA_MESSAGECOUNT = :count, CURRENTQUOTA_SIZE = :size "
                    + "WHERE CURRENTQUOTA_QUOTAROOT = :root")
                .bind("root", operation.quotaRoot().getValue())
                .bind("count", operation.count().asLong())
                .bind("size", operation.size().asLong())
                .execute(),
            operation.count().asLong(), operation.size().asLong());
    }

    private Mono<Void> add(QuotaRoot root, long count, long size) {
        return write(root,
            handle -> handle.createUpdate("UPDATE " + TABLE + " SET CURRENTQUOTA_MESSAGECOUNT = CURRENTQUOTA_MESSAGECOUNT + :count, "
                    + "CURRENTQUOTA_SIZE = CURRENTQUOTA_SIZE + :size WHERE CURRENTQUOTA_QUOTAROOT = :root")
                .bind("root", root.getValue())
                .bind("count", count)
                .bind("size", size)
                .execute(),
            count, size);
    }

    /** The update, else the root's first row with the values it would have made from zero. */
    private Mono<Void> write(QuotaRoot root, ToIntFunction<Handle> update, long count, long size) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                RowWrites.upsert(jdbi, update, handle -> handle.createUpdate("INSERT INTO " + TABLE
                        + " (CURRENTQUOTA_QUOTAROOT, CURRENTQUOTA_MESSAGECOUNT, CURRENTQUOTA_SIZE) VALUES (:root, :count, :size)")
                    .bind("root", root.getValue())
                    .bind("count", count)
                    .bind("size", size)
                    .execute());
            } finally {
                byRoot.forget(root);
            }
        });
    }

    private CurrentQuotas read(QuotaRoot root) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT CURRENTQUOTA_MESSAGECOUNT, CURRENTQUOTA_SIZE FROM " + TABLE
                + " WHERE CURRENTQUOTA_QUOTAROOT = :root")
            .bind("root", root.getValue())
            .map((row, context) -> new CurrentQuotas(QuotaCountUsage.count(row.getLong(1)), QuotaSizeUsage.size(row.getLong(2))))
            .findOne()
            .orElse(CurrentQuotas.emptyQuotas()));
    }
}
