package io.postyard.opensrs;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainPolicy;
import io.postyard.core.domain.DomainVerifier;
import io.postyard.core.domain.ExpectedDnsRecords;

/**
 * Mail for an alias domain is delivered here from the moment it is added, whoever sends it: a company must first show
 * the domain is its own, as for any domain (its MX points here, or the account's ownership record is published),
 * unless the operator trusts the name. The refusal names the record to publish.
 */
public class AliasDomainProof {
    private final DomainPolicy policy;
    private final DomainVerifier verifier;
    private final ExpectedDnsRecords expected;

    @Inject
    public AliasDomainProof(DomainPolicy policy, DomainVerifier verifier, ExpectedDnsRecords expected) {
        this.policy = policy;
        this.verifier = verifier;
        this.expected = expected;
    }

    /** Every alias not already the domain's must be proved the account's; error 4 otherwise. */
    void require(AccountId account, List<String> aliases, Set<String> alreadyOurs) {
        for (String alias : aliases) {
            Domain name = OmaNames.domain(alias);
            if (alreadyOurs.contains(name.asString()) || policy.trusts(name) || verifier.ownershipProven(account, name)) {
                continue;
            }
            throw new OmaException(OmaError.NO_PERMISSION, "Alias domain " + name.asString() + " is not proved to be the company's:"
                + " point its MX at this server, or publish the TXT record " + expected.ownership(account, name).value()
                + " at " + name.asString(), Map.of());
        }
    }
}
