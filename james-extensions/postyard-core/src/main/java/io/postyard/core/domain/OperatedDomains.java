package io.postyard.core.domain;

import java.util.Set;

import org.apache.james.core.Domain;

/**
 * Domains a provider module runs for its own purpose (OmyPost's accounts domain, Temp Mail's public and premium
 * domains). Other providers leave them alone: Temp Mail does not offer them as an account's custom domains.
 */
public interface OperatedDomains {
    Set<Domain> operatedDomains();
}
