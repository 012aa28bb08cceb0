package io.postyard.tempmail.store;

import java.util.List;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;

/** The domains an account opted in for Temp Mail addresses, its {@code custom} domains. */
public interface TempMailDomainStore {
    /** Adding a domain twice keeps it once. */
    void add(AccountId account, Domain domain);

    void remove(AccountId account, Domain domain);

    /** Ordered by name. */
    List<Domain> list(AccountId account);
}
