package io.postyard.core.account;

import java.util.List;
import java.util.Optional;

public interface AccountStore {
    void save(Account account);

    Optional<Account> get(AccountId id);

    List<Account> list();
}
