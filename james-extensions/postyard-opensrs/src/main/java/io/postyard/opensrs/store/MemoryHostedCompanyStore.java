package io.postyard.opensrs.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class MemoryHostedCompanyStore implements HostedCompanyStore {
    private final Map<String, HostedCompany> companies = new ConcurrentHashMap<>();

    @Override
    public Optional<HostedCompany> get(String id) {
        return Optional.ofNullable(companies.get(id));
    }

    @Override
    public List<HostedCompany> list() {
        return companies.values().stream().sorted(Comparator.comparing(HostedCompany::id)).toList();
    }

    @Override
    public void save(HostedCompany company) {
        companies.put(company.id(), company);
    }
}
