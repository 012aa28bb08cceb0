package io.postyard.opensrs;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.opensrs.store.HostedCompany;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedUser;

/**
 * {@code get_domain}, {@code change_domain}, {@code delete_domain}, {@code restore_domain} and {@code search_domains}.
 * Company administrators create and delete domains; domain administrators read and change theirs.
 */
public class DomainMethods implements OmaMethodGroup {
    private final OmaDomains domains;
    private final OmaUsers users;
    private final OmaCompanies companies;
    private final OmaAccess access;

    @Inject
    public DomainMethods(OmaDomains domains, OmaUsers users, OmaCompanies companies, OmaAccess access) {
        this.domains = domains;
        this.users = users;
        this.companies = companies;
        this.access = access;
    }

    @Override
    public Map<String, OmaMethod> methods() {
        return Map.of(
            "get_domain", this::get,
            "change_domain", this::change,
            "delete_domain", this::delete,
            "restore_domain", this::restore,
            "search_domains", this::search);
    }

    private Map<String, Object> get(Caller caller, OmaRequest request) {
        Domain name = request.domain("domain");
        Optional<HostedDomain> domain = access.domain(caller, name, false);
        if (domain.isEmpty()) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("settable_attributes", DomainAttributes.SCHEMA.settable(true));
            extra.put("metadata", Map.of("defaults", DomainAttributes.view(
                new HostedDomain(name, caller.company(), Map.of(), java.time.Instant.EPOCH, Optional.empty()))));
            throw new OmaException(OmaError.NOT_FOUND, "Domain " + name.asString() + " does not exist", extra);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("domain", name.asString());
        answer.put("attributes", DomainAttributes.view(domain.get()));
        answer.put("settable_attributes", DomainAttributes.SCHEMA.settable(true));
        answer.put("metadata", metadata(domain.get()));
        return answer;
    }

    private Map<String, Object> change(Caller caller, OmaRequest request) {
        Domain name = request.domain("domain");
        Map<String, Object> attributes = DomainAttributes.SCHEMA.read(
            request.optionalObject("attributes").orElseGet(() -> request.body().objectNode()), true);
        Optional<HostedDomain> existing = domains.get(name);
        if (existing.isPresent()) {
            HostedDomain domain = access.requireDomain(caller, name, true);
            if (request.flag("create_only") || domain.isDeleted()) {
                throw OmaException.exists("Domain " + name.asString() + " already exists");
            }
            if (attributes.containsKey(DomainAttributes.ALIASES) && !caller.isCompanyAdmin(domain.company())) {
                // An alias domain brings another domain's mail here: that is the company's call, with proof.
                throw OmaException.noPermission();
            }
            domains.change(domain, attributes);
            return Map.of();
        }
        HostedCompany company = access.company(caller, Optional.empty());
        domains.create(company, name, attributes);
        return Map.of();
    }

    private Map<String, Object> delete(Caller caller, OmaRequest request) {
        HostedDomain domain = access.requireDomain(caller, request.domain("domain"), false);
        requireCompanyAdmin(caller, domain);
        domains.delete(domain, request.flag("cascade"));
        return Map.of();
    }

    private Map<String, Object> restore(Caller caller, OmaRequest request) {
        Domain name = request.domain("domain");
        request.optionalString("new_name").map(OmaNames::domain).filter(newName -> !newName.equals(name)).ifPresent(newName -> {
            throw OmaException.malformed("A domain is restored under its own name");
        });
        HostedDomain domain = access.requireDomain(caller, name, true);
        requireCompanyAdmin(caller, domain);
        domains.restore(domain);
        return Map.of();
    }

    private Map<String, Object> search(Caller caller, OmaRequest request) {
        SearchRequest search = SearchRequest.of(request);
        boolean deleted = search.criteria(request.method()).flag("deleted");
        List<DomainSummary> found = domains.list(caller.company()).stream()
            .filter(domain -> caller.administers(domain.company(), domain.name()))
            .filter(domain -> domain.isDeleted() == deleted)
            .filter(domain -> search.matches(domain.name().asString()))
            .map(domain -> new DomainSummary(domain, (int) users.list(domain.name()).stream().filter(user -> !user.isDeleted()).count()))
            .sorted(search.comparator(List.of("domain", "users", "created"), by -> switch (by) {
                case "users" -> Comparator.comparingInt(DomainSummary::users);
                case "created" -> Comparator.comparing(summary -> summary.domain().createdAt());
                default -> Comparator.comparing(summary -> summary.domain().name().asString());
            }))
            .toList();
        return SearchResults.of("domains", search.page(found).stream().map(DomainSummary::view).toList(), found.size());
    }

    private record DomainSummary(HostedDomain domain, int users) {
        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("domain", domain.name().asString());
            view.put("type", "domain");
            view.put("users", users);
            view.put("created", domain.createdAt().getEpochSecond());
            domain.deletedAt().ifPresent(at -> view.put("delete_time", at.getEpochSecond()));
            return view;
        }
    }

    private Map<String, Object> metadata(HostedDomain domain) {
        List<HostedUser> all = users.list(domain.name());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("company", domain.company());
        metadata.put("users", all.stream().filter(user -> !user.isDeleted()).count());
        metadata.put("deleted_users", all.stream().filter(HostedUser::isDeleted).count());
        metadata.put("created", domain.createdAt().getEpochSecond());
        return metadata;
    }

    private void requireCompanyAdmin(Caller caller, HostedDomain domain) {
        if (!caller.isCompanyAdmin(domain.company())) {
            throw OmaException.noPermission();
        }
        companies.require(domain.company());
    }
}
