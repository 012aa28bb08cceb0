package io.postyard.server.jpa;

import org.apache.james.vacation.api.AccountId;
import org.apache.james.vacation.api.Vacation;
import org.apache.james.vacation.api.VacationPatch;
import org.apache.james.vacation.api.VacationRepository;

import io.postyard.core.cache.WriteInvalidatedCache;
import reactor.core.publisher.Mono;

/**
 * Vacation replies on the single-node SQL profile, with each account's reply (usually: none) kept in memory: local
 * delivery reads it for every recipient, and it changes only through this node.
 */
class CachedVacationRepository implements VacationRepository {
    private static final int ACCOUNTS_KEPT = 100_000;

    private final VacationRepository vacations;
    private final WriteInvalidatedCache<AccountId, Vacation> byAccount = new WriteInvalidatedCache<>(ACCOUNTS_KEPT);

    CachedVacationRepository(VacationRepository vacations) {
        this.vacations = vacations;
    }

    @Override
    public Mono<Vacation> retrieveVacation(AccountId accountId) {
        return byAccount.get(accountId, vacations.retrieveVacation(accountId));
    }

    @Override
    public Mono<Void> modifyVacation(AccountId accountId, VacationPatch vacationPatch) {
        return byAccount.writing(accountId, vacations.modifyVacation(accountId, vacationPatch));
    }
}
