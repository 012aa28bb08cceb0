package io.postyard.opensrs.store;

import java.util.List;
import java.util.Optional;

public interface HostedCompanyStore {
    Optional<HostedCompany> get(String id);

    /** Every company, ordered by id. */
    List<HostedCompany> list();

    void save(HostedCompany company);
}
