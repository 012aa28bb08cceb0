package io.postyard.mailgun.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import io.postyard.core.account.AccountId;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.mailgun.list.ListMember;
import io.postyard.mailgun.list.MailingList;
import io.postyard.mailgun.list.MailingListStore;

/** A row per list and per member; both are paged by address from their primary keys and the account index. */
public class JdbcMailingListStore implements MailingListStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("mailgun_lists");
    private static final String LIST_COLUMNS = "address, account, name, description, access_level, reply_preference, created_at";
    private static final RowMapper<MailingList> LIST = (row, context) -> new MailingList(row.getString("address"),
        new AccountId(row.getString("account")), row.getString("name"), row.getString("description"),
        MailingList.AccessLevel.valueOf(row.getString("access_level")), MailingList.ReplyPreference.valueOf(row.getString("reply_preference")),
        Instant.ofEpochMilli(row.getLong("created_at")));
    private static final RowMapper<ListMember> MEMBER = (row, context) -> new ListMember(row.getString("address"),
        row.getString("name"), row.getString("vars"), row.getBoolean("subscribed"));

    private final Jdbi jdbi;

    @Inject
    public JdbcMailingListStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcMailingListStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean create(MailingList list) {
        return RowWrites.insertIfAbsent(jdbi, handle -> handle.createUpdate("INSERT INTO mailgun_lists (" + LIST_COLUMNS + ") VALUES "
                + "(:address, :account, :name, :description, :accessLevel, :replyPreference, :createdAt)")
            .bind("address", list.address())
            .bind("account", list.account().value())
            .bind("name", list.name())
            .bind("description", list.description())
            .bind("accessLevel", list.accessLevel().name())
            .bind("replyPreference", list.replyPreference().name())
            .bind("createdAt", list.createdAt().toEpochMilli())
            .execute());
    }

    @Override
    public Optional<MailingList> get(String address) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + LIST_COLUMNS + " FROM mailgun_lists WHERE address = :address")
            .bind("address", address).map(LIST).findOne());
    }

    @Override
    public List<MailingList> lists(AccountId account, Optional<String> after, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + LIST_COLUMNS + " FROM mailgun_lists WHERE account = :account "
                + "AND address > :after ORDER BY account, address LIMIT :limit")
            .bind("account", account.value()).bind("after", after.orElse("")).bind("limit", limit)
            .map(LIST).list());
    }

    @Override
    public boolean update(MailingList list) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE mailgun_lists SET name = :name, description = :description, "
                + "access_level = :accessLevel, reply_preference = :replyPreference WHERE address = :address")
            .bind("address", list.address())
            .bind("name", list.name())
            .bind("description", list.description())
            .bind("accessLevel", list.accessLevel().name())
            .bind("replyPreference", list.replyPreference().name())
            .execute()) > 0;
    }

    @Override
    public boolean delete(String address) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM mailgun_list_members WHERE list = :list").bind("list", address).execute();
            return handle.createUpdate("DELETE FROM mailgun_lists WHERE address = :address").bind("address", address).execute() > 0;
        });
    }

    @Override
    public boolean addMember(String list, ListMember member) {
        return RowWrites.insertIfAbsent(jdbi, handle -> insertMember(handle, list, member));
    }

    @Override
    public void putMember(String list, ListMember member) {
        RowWrites.upsert(jdbi,
            handle -> handle.createUpdate("UPDATE mailgun_list_members SET name = :name, vars = :vars, subscribed = :subscribed "
                    + "WHERE list = :list AND address = :address")
                .bind("list", list).bind("address", member.address()).bind("name", member.name()).bind("vars", member.vars())
                .bind("subscribed", member.subscribed())
                .execute(),
            handle -> insertMember(handle, list, member));
    }

    private static void insertMember(Handle handle, String list, ListMember member) {
        handle.createUpdate("INSERT INTO mailgun_list_members (list, address, name, vars, subscribed) "
                + "VALUES (:list, :address, :name, :vars, :subscribed)")
            .bind("list", list).bind("address", member.address()).bind("name", member.name()).bind("vars", member.vars())
            .bind("subscribed", member.subscribed())
            .execute();
    }

    @Override
    public Optional<ListMember> member(String list, String address) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT address, name, vars, subscribed FROM mailgun_list_members "
                + "WHERE list = :list AND address = :address")
            .bind("list", list).bind("address", address).map(MEMBER).findOne());
    }

    @Override
    public boolean deleteMember(String list, String address) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM mailgun_list_members WHERE list = :list AND address = :address")
            .bind("list", list).bind("address", address).execute()) > 0;
    }

    @Override
    public List<ListMember> members(String list, Optional<Boolean> subscribed, Optional<String> after, int limit) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT address, name, vars, subscribed FROM mailgun_list_members "
                    + "WHERE list = :list AND address > :after" + (subscribed.isPresent() ? " AND subscribed = :subscribed" : "")
                    + " ORDER BY list, address LIMIT :limit")
                .bind("list", list).bind("after", after.orElse("")).bind("limit", limit);
            subscribed.ifPresent(wanted -> query.bind("subscribed", wanted));
            return query.map(MEMBER).list();
        });
    }

    @Override
    public long memberCount(String list) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM mailgun_list_members WHERE list = :list")
            .bind("list", list).mapTo(Long.class).one());
    }
}
