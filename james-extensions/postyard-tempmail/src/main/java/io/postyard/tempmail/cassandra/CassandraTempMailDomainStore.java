package io.postyard.tempmail.cassandra;

import java.util.List;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.core.account.AccountId;
import io.postyard.tempmail.store.TempMailDomainStore;

/** One partition per account, clustered by domain name: listing an account's domains reads them in order. */
public class CassandraTempMailDomainStore implements TempMailDomainStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("tempmail_domains", 1, List.of(
        "CREATE TABLE IF NOT EXISTS tempmail_domains (account text, domain text, PRIMARY KEY (account, domain))"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    @Inject
    public CassandraTempMailDomainStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO tempmail_domains (account, domain) VALUES (?, ?)");
        this.delete = session.prepare("DELETE FROM tempmail_domains WHERE account = ? AND domain = ?");
        this.select = session.prepare("SELECT domain FROM tempmail_domains WHERE account = ?");
    }

    @Override
    public void add(AccountId account, Domain domain) {
        session.execute(insert.bind(account.value(), domain.asString()));
    }

    @Override
    public void remove(AccountId account, Domain domain) {
        session.execute(delete.bind(account.value(), domain.asString()));
    }

    @Override
    public List<Domain> list(AccountId account) {
        return session.execute(select.bind(account.value())).all().stream()
            .map(row -> Domain.of(row.getString("domain")))
            .toList();
    }
}
