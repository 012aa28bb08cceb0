package io.postyard.opensrs;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.account.AccountId;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.opensrs.store.HostedCompany;
import io.postyard.opensrs.store.HostedCompanyStore;

/**
 * Companies. One is made at start-up, {@code POSTYARD_OMA_COMPANY}, owned by the operator's account; the store keeps
 * room for more, each tied to its own account.
 */
public class OmaCompanies implements StartupTask {
    private final HostedCompanyStore companies;
    private final Clock clock;
    private final String defaultCompany;

    @Inject
    public OmaCompanies(HostedCompanyStore companies, Clock clock, PostyardSettings settings) {
        this.companies = companies;
        this.clock = clock;
        this.defaultCompany = settings.get(OmaSettings.COMPANY);
    }

    @Override
    public void run() {
        if (companies.get(defaultCompany).isEmpty()) {
            companies.save(new HostedCompany(defaultCompany, AccountId.DEFAULT, Map.of(), clock.instant()));
        }
    }

    public Optional<HostedCompany> get(String id) {
        return companies.get(id);
    }

    public HostedCompany require(String id) {
        return get(id).orElseThrow(() -> OmaException.notFound("Company " + OmaNames.printable(id) + " does not exist"));
    }

    public List<HostedCompany> list() {
        return companies.list();
    }

    public HostedCompany change(HostedCompany company, Map<String, Object> attributes) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(company.attributes());
        merged.putAll(attributes);
        HostedCompany changed = company.withAttributes(merged);
        companies.save(changed);
        return changed;
    }
}
