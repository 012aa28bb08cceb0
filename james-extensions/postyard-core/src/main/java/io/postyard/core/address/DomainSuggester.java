package io.postyard.core.address;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Suggests the domain a user probably meant: a popular mailbox provider within a small edit distance (gmial.com,
 * yaho.com, icloud.co), or the same domain with a top-level domain that does not exist corrected (example.con).
 */
@Singleton
public class DomainSuggester {
    /** Top-level domains that are not delegated, mapped to the one a slipped finger missed. */
    private static final Map<String, String> MISTYPED_TLDS = Map.ofEntries(
        Map.entry("con", "com"), Map.entry("cmo", "com"), Map.entry("ocm", "com"), Map.entry("vom", "com"),
        Map.entry("xom", "com"), Map.entry("cpm", "com"), Map.entry("cim", "com"), Map.entry("clm", "com"),
        Map.entry("comm", "com"), Map.entry("coom", "com"),
        Map.entry("nte", "net"), Map.entry("ney", "net"), Map.entry("nett", "net"),
        Map.entry("ogr", "org"), Map.entry("rog", "org"), Map.entry("orgg", "org"));
    /**
     * Names such as aol, msn, live or me are a couple of edits away from many real domains (aon.com, love.com,
     * ms.com): only their top-level domain is corrected. Longer ones tolerate two edits.
     */
    private static final int SHORTEST_NAME_FOR_FUZZY_MATCH = 5;
    private static final int MAX_EDITS = 2;

    private final List<String> popular;
    private final Set<String> popularSet;

    @Inject
    public DomainSuggester() {
        this.popular = ShippedList.load("popular-domains.txt");
        this.popularSet = Set.copyOf(popular);
    }

    public Optional<String> suggest(String domain) {
        String typed = domain.toLowerCase(Locale.ROOT);
        if (popularSet.contains(typed)) {
            return Optional.empty();
        }
        String retyped = withCorrectedTld(typed);
        Optional<String> provider = closestPopular(retyped);
        if (provider.isPresent() || retyped.equals(typed)) {
            return provider;
        }
        return Optional.of(retyped);
    }

    /** On a tie the earlier entry of the list, which is ordered by popularity, wins. */
    private Optional<String> closestPopular(String domain) {
        String closest = null;
        int fewestEdits = Integer.MAX_VALUE;
        for (String candidate : popular) {
            int edits = distance(domain, candidate);
            if (edits <= tolerance(candidate) && edits < fewestEdits) {
                closest = candidate;
                fewestEdits = edits;
            }
        }
        return Optional.ofNullable(closest);
    }

    private static int tolerance(String popularDomain) {
        int firstDot = popularDomain.indexOf('.');
        return firstDot >= SHORTEST_NAME_FOR_FUZZY_MATCH ? MAX_EDITS : 0;
    }

    private static String withCorrectedTld(String domain) {
        int lastDot = domain.lastIndexOf('.');
        if (lastDot <= 0) {
            return domain;
        }
        String tld = MISTYPED_TLDS.get(domain.substring(lastDot + 1));
        return tld == null ? domain : domain.substring(0, lastDot + 1) + tld;
    }

    /**
     * Damerau-Levenshtein distance (optimal string alignment): insertions, deletions, substitutions, and swaps of two
     * neighbouring characters (gmial) each count as one edit.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
