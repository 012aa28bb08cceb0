package io.postyard.opensrs.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import io.postyard.cassandra.JsonAttributes;
import io.postyard.jdbc.Columns;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedDomainStore;

/**
 * Hosted domains, a row per name: the primary key lets one creation of a name win, whichever node makes it. A
 * company's are listed through an index in name order.
 */
public class JdbcHostedDomainStore implements HostedDomainStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("oma_domains");
    private static final String SELECT = "SELECT domain, company, attributes, created_at, deleted_at FROM oma_domains ";
    private static final RowMapper<HostedDomain> DOMAIN = (row, context) -> new HostedDomain(Domain.of(row.getString("domain")),
        row.getString("company"), JsonAttributes.read(row.getString("attributes")), Instant.ofEpochMilli(row.getLong("created_at")),
        Columns.instant(row, "deleted_at"));

    private final Jdbi jdbi;

    @Inject
    public JdbcHostedDomainStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcHostedDomainStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insertIfAbsent(HostedDomain domain) {
        return RowWrites.insertIfAbsent(jdbi, handle -> insert(handle, domain));
    }

    @Override
    public void save(HostedDomain domain) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE oma_domains SET company = :company, attributes = :attributes, "
                + "created_at = :createdAt, deleted_at = :deletedAt WHERE domain = :domain"), domain).execute(),
            handle -> insert(handle, domain));
    }

    @Override
    public Optional<HostedDomain> get(Domain name) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE domain = :domain")
            .bind("domain", name.asString())
            .map(DOMAIN)
            .findOne());
    }

    @Override
    public List<HostedDomain> list(String company) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE company = :company ORDER BY company, domain")
            .bind("company", company)
            .map(DOMAIN)
            .list());
    }

    @Override
    public void delete(Domain name) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM oma_domains WHERE domain = :domain")
            .bind("domain", name.asString())
            .execute());
    }

    private static void insert(Handle handle, HostedDomain domain) {
        bind(handle.createUpdate("INSERT INTO oma_domains (domain, company, attributes, created_at, deleted_at) "
            + "VALUES (:domain, :company, :attributes, :createdAt, :deletedAt)"), domain).execute();
    }

    private static Update bind(Update statement, HostedDomain domain) {
        return statement.bind("domain", domain.name().asString())
            .bind("company", domain.company())
            .bind("attributes", JsonAttributes.write(domain.attributes()))
            .bind("createdAt", domain.createdAt().toEpochMilli())
            .bind("deletedAt", Columns.millis(domain.deletedAt()));
    }
}
