package io.postyard.mailgun.cassandra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.core.account.AccountId;
import io.postyard.mailgun.list.ListMember;
import io.postyard.mailgun.list.MailingList;
import io.postyard.mailgun.list.MailingListStore;

/**
 * A list by address (claimed with a lightweight transaction), a copy in its account's partition clustered by address
 * for paging, and its members in one partition per list, clustered by address. The account copy is written after the
 * claim and removed before it, so a listed list always exists.
 */
public class CassandraMailingListStore implements MailingListStore {
    private static final String LIST_COLUMNS = "address, account, name, description, access_level, reply_preference, created_at";
    public static final SchemaMigration SCHEMA = new SchemaMigration("mailgun_lists", 1, List.of(
        "CREATE TABLE IF NOT EXISTS mailgun_lists (address text PRIMARY KEY, account text, name text, description text, "
            + "access_level text, reply_preference text, created_at timestamp)",
        "CREATE TABLE IF NOT EXISTS mailgun_lists_by_account (account text, address text, name text, description text, "
            + "access_level text, reply_preference text, created_at timestamp, PRIMARY KEY (account, address))",
        "CREATE TABLE IF NOT EXISTS mailgun_list_members (list text, address text, name text, vars text, subscribed boolean, "
            + "PRIMARY KEY (list, address))"));

    private final CqlSession session;
    private final PreparedStatement insertList;
    private final PreparedStatement insertByAccount;
    private final PreparedStatement updateList;
    private final PreparedStatement selectList;
    private final PreparedStatement selectByAccount;
    private final PreparedStatement deleteList;
    private final PreparedStatement deleteByAccount;
    private final PreparedStatement deleteMembers;
    private final PreparedStatement insertMember;
    private final PreparedStatement upsertMember;
    private final PreparedStatement selectMember;
    private final PreparedStatement deleteMember;
    private final PreparedStatement selectMembers;
    private final PreparedStatement countMembers;

    @Inject
    public CassandraMailingListStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insertList = session.prepare("INSERT INTO mailgun_lists (" + LIST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS");
        this.insertByAccount = session.prepare("INSERT INTO mailgun_lists_by_account (" + LIST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.updateList = session.prepare("UPDATE mailgun_lists SET name = ?, description = ?, access_level = ?, reply_preference = ? "
            + "WHERE address = ? IF EXISTS");
        this.selectList = session.prepare("SELECT " + LIST_COLUMNS + " FROM mailgun_lists WHERE address = ?");
        this.selectByAccount = session.prepare("SELECT " + LIST_COLUMNS + " FROM mailgun_lists_by_account WHERE account = ? AND address > ? "
            + "LIMIT ?");
        this.deleteList = session.prepare("DELETE FROM mailgun_lists WHERE address = ? IF EXISTS");
        this.deleteByAccount = session.prepare("DELETE FROM mailgun_lists_by_account WHERE account = ? AND address = ?");
        this.deleteMembers = session.prepare("DELETE FROM mailgun_list_members WHERE list = ?");
        this.insertMember = session.prepare("INSERT INTO mailgun_list_members (list, address, name, vars, subscribed) VALUES (?, ?, ?, ?, ?) "
            + "IF NOT EXISTS");
        this.upsertMember = session.prepare("INSERT INTO mailgun_list_members (list, address, name, vars, subscribed) VALUES (?, ?, ?, ?, ?)");
        this.selectMember = session.prepare("SELECT address, name, vars, subscribed FROM mailgun_list_members WHERE list = ? AND address = ?");
        this.deleteMember = session.prepare("DELETE FROM mailgun_list_members WHERE list = ? AND address = ? IF EXISTS");
        this.selectMembers = session.prepare("SELECT address, name, vars, subscribed FROM mailgun_list_members WHERE list = ? AND address > ?");
        this.countMembers = session.prepare("SELECT COUNT(*) FROM mailgun_list_members WHERE list = ?");
    }

    @Override
    public boolean create(MailingList list) {
        if (!session.execute(insertList.bind(values(list))).wasApplied()) {
            return false;
        }
        session.execute(insertByAccount.bind(values(list)));
        return true;
    }

    @Override
    public Optional<MailingList> get(String address) {
        return CqlRows.one(session.execute(selectList.bind(address)), CassandraMailingListStore::list);
    }

    @Override
    public List<MailingList> lists(AccountId account, Optional<String> after, int limit) {
        return CqlRows.list(session.execute(selectByAccount.bind(account.value(), after.orElse(""), limit)), CassandraMailingListStore::list);
    }

    @Override
    public boolean update(MailingList list) {
        boolean updated = session.execute(updateList.bind(list.name(), list.description(), list.accessLevel().name(),
            list.replyPreference().name(), list.address())).wasApplied();
        if (updated) {
            session.execute(insertByAccount.bind(values(list)));
        }
        return updated;
    }

    @Override
    public boolean delete(String address) {
        Optional<MailingList> list = get(address);
        if (list.isEmpty()) {
            return false;
        }
        session.execute(deleteByAccount.bind(list.get().account().value(), address));
        session.execute(deleteMembers.bind(address));
        return session.execute(deleteList.bind(address)).wasApplied();
    }

    @Override
    public boolean addMember(String list, ListMember member) {
        return session.execute(insertMember.bind(list, member.address(), member.name(), member.vars(), member.subscribed())).wasApplied();
    }

    @Override
    public void putMember(String list, ListMember member) {
        session.execute(upsertMember.bind(list, member.address(), member.name(), member.vars(), member.subscribed()));
    }

    @Override
    public Optional<ListMember> member(String list, String address) {
        return CqlRows.one(session.execute(selectMember.bind(list, address)), CassandraMailingListStore::member);
    }

    @Override
    public boolean deleteMember(String list, String address) {
        return session.execute(deleteMember.bind(list, address)).wasApplied();
    }

    /** The subscription filter is applied while reading the partition in order, until the page is full. */
    @Override
    public List<ListMember> members(String list, Optional<Boolean> subscribed, Optional<String> after, int limit) {
        List<ListMember> page = new ArrayList<>();
        for (Row row : session.execute(selectMembers.bind(list, after.orElse("")).setPageSize(Math.max(limit, 100)))) {
            ListMember member = member(row);
            if (subscribed.map(wanted -> member.subscribed() == wanted).orElse(true)) {
                page.add(member);
                if (page.size() >= limit) {
                    break;
                }
            }
        }
        return page;
    }

    @Override
    public long memberCount(String list) {
        return CqlRows.one(session.execute(countMembers.bind(list)), row -> row.getLong(0)).orElse(0L);
    }

    private static Object[] values(MailingList list) {
        return new Object[] {list.address(), list.account().value(), list.name(), list.description(), list.accessLevel().name(),
            list.replyPreference().name(), list.createdAt()};
    }

    private static MailingList list(Row row) {
        return new MailingList(row.getString("address"), new AccountId(row.getString("account")), row.getString("name"),
            row.getString("description"), MailingList.AccessLevel.valueOf(row.getString("access_level")),
            MailingList.ReplyPreference.valueOf(row.getString("reply_preference")), row.getInstant("created_at"));
    }

    private static ListMember member(Row row) {
        return new ListMember(row.getString("address"), row.getString("name"), row.getString("vars"), row.getBoolean("subscribed"));
    }
}
