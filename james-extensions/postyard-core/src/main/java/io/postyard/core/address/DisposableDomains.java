package io.postyard.core.address;

import java.util.Locale;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Singleton;

/** Throwaway-mailbox services: the shipped disposable-domains.txt (see its header for where it comes from). */
@Singleton
public class DisposableDomains {
    private final Set<String> domains;

    @Inject
    public DisposableDomains() {
        this.domains = Set.copyOf(ShippedList.load("disposable-domains.txt"));
    }

    /** Subdomains count too: such services hand out {@code anything.mailinator.com} as readily as the domain itself. */
    public boolean isDisposable(String domain) {
        String name = domain.toLowerCase(Locale.ROOT);
        while (!domains.contains(name)) {
            int dot = name.indexOf('.');
            if (dot < 0) {
                return false;
            }
            name = name.substring(dot + 1);
        }
        return true;
    }
}
