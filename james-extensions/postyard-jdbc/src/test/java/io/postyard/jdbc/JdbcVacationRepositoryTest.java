package io.postyard.jdbc;

import org.apache.james.vacation.api.VacationRepository;
import org.apache.james.vacation.api.VacationRepositoryContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcVacationRepositoryTest implements VacationRepositoryContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcVacationRepository.SCHEMA);

    private final VacationRepository repository = new JdbcVacationRepository(database.jdbi());

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
