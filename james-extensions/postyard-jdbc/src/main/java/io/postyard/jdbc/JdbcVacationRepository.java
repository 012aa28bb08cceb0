package io.postyard.jdbc;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.vacation.api.AccountId;
import org.apache.james.vacation.api.Vacation;
import org.apache.james.vacation.api.VacationPatch;
import org.apache.james.vacation.api.VacationRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import reactor.core.publisher.Mono;

/**
 * James's vacation replies, one row per account, for the embedded profile (James's JPA server keeps none). Dates keep
 * their zone, as ISO-8601 text, since James hands them back as they were given.
 */
public class JdbcVacationRepository implements VacationRepository {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("vacations");

    private static final String SELECT = "SELECT * FROM vacations WHERE account_id = :account";

    private final Jdbi jdbi;

    @Inject
    public JdbcVacationRepository(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcVacationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The patch applies to the row read under lock, so two patches never undo each other; the first patch of an
     * account inserts, and one racing it finds the row on its second try.
     */
    @Override
    public Mono<Void> modifyVacation(AccountId account, VacationPatch patch) {
        Objects.requireNonNull(account);
        Objects.requireNonNull(patch);
        return Mono.fromRunnable(() -> {
            try {
                apply(account, patch);
            } catch (RuntimeException e) {
                if (!DuplicateKeys.isCause(e)) {
                    throw e;
                }
                apply(account, patch);
            }
        });
    }

    @Override
    public Mono<Vacation> retrieveVacation(AccountId account) {
        Objects.requireNonNull(account);
        return Mono.fromCallable(() -> jdbi.withHandle(handle -> find(handle, SELECT, account)).orElse(DEFAULT_VACATION));
    }

    private void apply(AccountId account, VacationPatch patch) {
        jdbi.useTransaction(handle -> {
            Optional<Vacation> stored = find(handle, SELECT + " FOR UPDATE", account);
            String write = stored.isPresent()
                ? "UPDATE vacations SET enabled = :enabled, from_date = :fromDate, to_date = :toDate, subject = :subject, "
                    + "text_body = :textBody, html_body = :htmlBody WHERE account_id = :account"
                : "INSERT INTO vacations (account_id, enabled, from_date, to_date, subject, text_body, html_body) "
                    + "VALUES (:account, :enabled, :fromDate, :toDate, :subject, :textBody, :htmlBody)";
            handle.createUpdate(write).bindMap(columns(account, patch.patch(stored.orElse(DEFAULT_VACATION)))).execute();
        });
    }

    private static Optional<Vacation> find(Handle handle, String select, AccountId account) {
        return handle.createQuery(select)
            .bind("account", account.getIdentifier())
            .map((row, context) -> Vacation.builder()
                .enabled(row.getBoolean("enabled"))
                .fromDate(Optional.ofNullable(row.getString("from_date")).map(ZonedDateTime::parse))
                .toDate(Optional.ofNullable(row.getString("to_date")).map(ZonedDateTime::parse))
                .subject(Optional.ofNullable(row.getString("subject")))
                .textBody(Optional.ofNullable(row.getString("text_body")))
                .htmlBody(Optional.ofNullable(row.getString("html_body")))
                .build())
            .findOne();
    }

    private static Map<String, Object> columns(AccountId account, Vacation vacation) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("account", account.getIdentifier());
        columns.put("enabled", vacation.isEnabled());
        columns.put("fromDate", vacation.getFromDate().map(ZonedDateTime::toString).orElse(null));
        columns.put("toDate", vacation.getToDate().map(ZonedDateTime::toString).orElse(null));
        columns.put("subject", vacation.getSubject().orElse(null));
        columns.put("textBody", vacation.getTextBody().orElse(null));
        columns.put("htmlBody", vacation.getHtmlBody().orElse(null));
        return columns;
    }
}
