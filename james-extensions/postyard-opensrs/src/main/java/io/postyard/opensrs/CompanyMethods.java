package io.postyard.opensrs;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import io.postyard.opensrs.store.HostedCompany;

/** {@code get_company}, {@code change_company} and {@code search_companies}: for company administrators. */
public class CompanyMethods implements OmaMethodGroup {
    private final OmaCompanies companies;
    private final OmaAccess access;

    @Inject
    public CompanyMethods(OmaCompanies companies, OmaAccess access) {
        this.companies = companies;
        this.access = access;
    }

    @Override
    public Map<String, OmaMethod> methods() {
        return Map.of(
            "get_company", this::get,
            "change_company", this::change,
            "search_companies", this::search);
    }

    private Map<String, Object> get(Caller caller, OmaRequest request) {
        HostedCompany company = access.company(caller, request.optionalString("company"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("company", company.id());
        answer.put("attributes", CompanyAttributes.view(company));
        answer.put("settable_attributes", CompanyAttributes.SCHEMA.settable(true));
        return answer;
    }

    private Map<String, Object> change(Caller caller, OmaRequest request) {
        HostedCompany company = access.company(caller, request.optionalString("company"));
        Map<String, Object> attributes = CompanyAttributes.SCHEMA.read(
            request.optionalObject("attributes").orElseThrow(() -> OmaException.malformed("Missing required field: attributes")), true);
        companies.change(company, attributes);
        return Map.of();
    }

    private Map<String, Object> search(Caller caller, OmaRequest request) {
        SearchRequest search = SearchRequest.of(request);
        List<HostedCompany> found = companies.list().stream()
            .filter(company -> caller.isCompanyAdmin(company.id()))
            .filter(company -> search.matches(company.id()))
            .sorted(search.comparator(List.of("company"), by -> Comparator.comparing(HostedCompany::id)))
            .toList();
        List<Map<String, Object>> page = search.page(found).stream()
            .map(company -> Map.<String, Object>of("company", company.id(), "name", CompanyAttributes.view(company).get("name")))
            .toList();
        return SearchResults.of("companies", page, found.size());
    }
}
