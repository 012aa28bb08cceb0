package io.postyard.server.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.JPAId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailboxCountersTest {
    @RegisterExtension
    static JamesJpaTestDatabase database = new JamesJpaTestDatabase();

    private static MailboxCounters counters;

    @BeforeAll
    static void open() {
        counters = new MailboxCounters(database.database());
    }

    private static JPAId mailbox(long id, long lastUid, long highestModSeq) {
        database.database().jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO JAMES_MAILBOX (MAILBOX_ID, MAILBOX_NAME, "
                + "MAILBOX_UID_VALIDITY, USER_NAME, MAILBOX_NAMESPACE, MAILBOX_LAST_UID, MAILBOX_HIGHEST_MODSEQ) "
                + "VALUES (:id, 'INBOX', 1, :user, '#private', :uid, :modseq)")
            .bind("id", id).bind("user", "user" + id).bind("uid", lastUid).bind("modseq", highestModSeq).execute());
        return JPAId.of(id);
    }

    @Test
    void eachCounterMovesOnFromWhereTheMailboxLeftIt() throws MailboxException {
        JPAId inbox = mailbox(1, 41, 7);

        assertThat(counters.next(MailboxCounters.Counter.LAST_UID, inbox)).isEqualTo(42);
        assertThat(counters.next(MailboxCounters.Counter.LAST_UID, inbox)).isEqualTo(43);
        assertThat(counters.next(MailboxCounters.Counter.HIGHEST_MODSEQ, inbox)).isEqualTo(8);
    }

    @Test
    void concurrentAppendsEachGetAValueOfTheirOwn() throws Exception {
        JPAId inbox = mailbox(2, 0, 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        Set<Long> given = ConcurrentHashMap.newKeySet();
        List<Callable<Boolean>> takes = IntStream.range(0, 400)
            .<Callable<Boolean>>mapToObj(i -> () -> given.add(counters.next(MailboxCounters.Counter.LAST_UID, inbox)))
            .toList();
        try {
            threads.invokeAll(takes).forEach(take -> assertThat(take).succeedsWithin(java.time.Duration.ofMinutes(1)).isEqualTo(true));
        } finally {
            threads.shutdown();
        }

        assertThat(given).hasSize(400).allMatch(uid -> uid >= 1 && uid <= 400);
    }

    @Test
    void aMailboxThatIsNotThereIsAMailboxException() {
        assertThatThrownBy(() -> counters.next(MailboxCounters.Counter.HIGHEST_MODSEQ, JPAId.of(404)))
            .isInstanceOf(MailboxException.class);
    }
}
