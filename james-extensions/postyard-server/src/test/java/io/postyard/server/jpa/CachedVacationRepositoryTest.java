package io.postyard.server.jpa;

import org.apache.james.vacation.api.VacationRepository;
import org.apache.james.vacation.api.VacationRepositoryContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.jdbc.JdbcVacationRepository;

class CachedVacationRepositoryTest implements VacationRepositoryContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcVacationRepository.SCHEMA);

    private final VacationRepository repository = new CachedVacationRepository(new JdbcVacationRepository(database.jdbi()));

    /** James's contract reuses one account in every test, expecting a new repository each time. */
    @BeforeEach
    void emptyTheTable() {
        database.jdbi().useHandle(handle -> handle.execute("DELETE FROM vacations"));
    }

    @Override
    public VacationRepository vacationRepository() {
        return repository;
    }
}
