package io.postyard.core.sending;

import java.util.Locale;

import org.apache.james.core.Domain;

import com.google.common.net.InternetDomainName;

/**
 * The organizational domain (RFC 7489: the public-suffix list's registrable domain) decides whether a From address may
 * be used with a sending domain: {@code news@example.com} may send through {@code mg.example.com}.
 */
public final class OrganizationalDomains {
    public static boolean sameOrganization(Domain sendingDomain, Domain fromDomain) {
        return sendingDomain.equals(fromDomain) || organizational(sendingDomain).equals(organizational(fromDomain));
    }

    /** Names outside the public-suffix list (such as {@code .test}) count by their last two labels. */
    static String organizational(Domain domain) {
        String name = domain.asString().toLowerCase(Locale.ROOT);
        try {
            InternetDomainName parsed = InternetDomainName.from(name);
            if (parsed.isUnderPublicSuffix()) {
                return parsed.topPrivateDomain().toString();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            return name;
        }
        String[] labels = name.split("\\.");
        return labels.length <= 2 ? name : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    private OrganizationalDomains() {
    }
}
