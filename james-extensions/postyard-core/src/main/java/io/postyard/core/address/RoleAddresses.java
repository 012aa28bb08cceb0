package io.postyard.core.address;

import java.util.Locale;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Singleton;

/** Local parts that name a function (support, postmaster, ...) rather than a person: the shipped role-addresses.txt. */
@Singleton
public class RoleAddresses {
    private final Set<String> roles;

    @Inject
    public RoleAddresses() {
        this.roles = Set.copyOf(ShippedList.load("role-addresses.txt"));
    }

    /** A sub-address tag does not change the mailbox: support+billing@ still reaches the support desk. */
    public boolean isRole(String localPart) {
        String mailbox = localPart.toLowerCase(Locale.ROOT);
        int tag = mailbox.indexOf('+');
        return roles.contains(tag > 0 ? mailbox.substring(0, tag) : mailbox);
    }
}
