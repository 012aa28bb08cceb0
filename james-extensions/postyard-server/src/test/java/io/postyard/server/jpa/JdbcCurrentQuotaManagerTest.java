package io.postyard.server.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.quota.QuotaCountUsage;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.mailbox.model.CurrentQuotas;
import org.apache.james.mailbox.model.QuotaOperation;
import org.apache.james.mailbox.quota.CurrentQuotaManager;
import org.apache.james.mailbox.store.quota.CurrentQuotaManagerContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import reactor.core.publisher.Mono;

class JdbcCurrentQuotaManagerTest implements CurrentQuotaManagerContract {
    @RegisterExtension
    static JamesJpaTestDatabase database = new JamesJpaTestDatabase();

    private CurrentQuotaManager manager;

    /** James's contract reuses one quota root in every test, expecting a new manager each time. */
    @BeforeEach
    void newManager() {
        database.database().jdbi().useHandle(handle -> handle.execute("DELETE FROM JAMES_QUOTA_CURRENTQUOTA"));
        manager = new JdbcCurrentQuotaManager(database.database(), database.james());
    }

    @Override
    public CurrentQuotaManager testee() {
        return manager;
    }

    @Test
    void concurrentIncreasesAreAllCounted() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 400; i++) {
            threads.execute(() -> Mono.from(manager.increase(new QuotaOperation(QUOTA_ROOT, QuotaCountUsage.count(1), QuotaSizeUsage.size(10))))
                .block());
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(Mono.from(manager.getCurrentQuotas(QUOTA_ROOT)).block())
            .isEqualTo(new CurrentQuotas(QuotaCountUsage.count(400), QuotaSizeUsage.size(4000)));
    }

    @Test
    void whatIsKeptInMemoryFollowsEachChange() {
        Mono.from(manager.increase(RESET_QUOTA_OPERATION)).block();
        assertThat(Mono.from(manager.getCurrentQuotas(QUOTA_ROOT)).block()).isEqualTo(CURRENT_QUOTAS);

        Mono.from(manager.decrease(new QuotaOperation(QUOTA_ROOT, QuotaCountUsage.count(1), QuotaSizeUsage.size(10)))).block();

        assertThat(Mono.from(manager.getCurrentQuotas(QUOTA_ROOT)).block())
            .isEqualTo(new CurrentQuotas(QuotaCountUsage.count(9), QuotaSizeUsage.size(90)));
        assertThat(new JdbcCurrentQuotaManager(database.database(), database.james()).getCurrentQuotas(QUOTA_ROOT).block())
            .isEqualTo(new CurrentQuotas(QuotaCountUsage.count(9), QuotaSizeUsage.size(90)));
    }
}
