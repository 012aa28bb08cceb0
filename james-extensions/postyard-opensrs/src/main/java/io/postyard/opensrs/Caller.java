package io.postyard.opensrs;

import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import io.postyard.opensrs.store.AdminRole;

/**
 * Who a call is made by: a user of a company (with the role it holds), or the bootstrap company administrator, who is
 * no James user. {@code login} is what its tokens are filed under.
 */
public record Caller(String login, Optional<Username> user, AdminRole role, String company) {
    public boolean isCompanyAdmin(String companyId) {
        return role.kind() == AdminRole.Kind.COMPANY && company.equals(companyId);
    }

    public boolean administers(String domainCompany, Domain domain) {
        return isCompanyAdmin(domainCompany)
            || (role.kind() == AdminRole.Kind.DOMAIN && company.equals(domainCompany) && role.objects().contains(domain.asString()));
    }

    public boolean isAdmin() {
        return role.kind() != AdminRole.Kind.NONE;
    }

    public boolean is(Username name) {
        return user.map(name::equals).orElse(false);
    }
}
