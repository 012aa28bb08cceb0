package io.postyard.server.jpa;

import org.apache.james.core.MailAddress;
import org.apache.james.vacation.api.NotificationRegistry;
import org.apache.james.vacation.api.NotificationRegistryContract;
import org.apache.james.vacation.api.RecipientId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.jdbc.JdbcNotificationRegistry;

class CachedNotificationRegistryTest implements NotificationRegistryContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcNotificationRegistry.SCHEMA);

    private final NotificationRegistry registry = new CachedNotificationRegistry(
        new JdbcNotificationRegistry(database.jdbi(), zonedDateTimeProvider));

    /** James's contract reuses one account in every test, expecting a new registry each time. */
    @BeforeEach
    void emptyTheTable() {
        database.jdbi().useHandle(handle -> handle.execute("DELETE FROM vacation_notifications"));
    }

    @Override
    public NotificationRegistry notificationRegistry() {
        return registry;
    }

    @Override
    public RecipientId recipientId() {
        try {
            return RecipientId.fromMailAddress(new MailAddress("benwa@apache.org"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
