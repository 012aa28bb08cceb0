package io.postyard.core.suppression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

/** The bounce, complaint, unsubscribe and whitelist lists of each domain, and what they mean for a recipient. */
public class SuppressionService {
    private static final List<SuppressionType> BLOCKING = List.of(
        SuppressionType.BOUNCES, SuppressionType.COMPLAINTS, SuppressionType.UNSUBSCRIBES);

    private static final int SKIP_CHUNK = 1000;

    private final SuppressionStore store;

    @Inject
    public SuppressionService(SuppressionStore store) {
        this.store = store;
    }

    /**
     * Adds or replaces an entry. An address unsubscribed again under another tag keeps its earlier tags, since an
     * unsubscribe from one tag must not undo another.
     */
    public Suppression add(Suppression suppression) {
        Suppression stored = suppression;
        if (suppression.type() == SuppressionType.UNSUBSCRIBES) {
            stored = store.get(suppression.domain(), suppression.type(), suppression.key())
                .map(existing -> mergeTags(existing, suppression))
                .orElse(suppression);
        }
        store.put(stored);
        return stored;
    }

    private static Suppression mergeTags(Suppression existing, Suppression added) {
        Set<String> tags = new LinkedHashSet<>(existing.tags());
        tags.addAll(added.tags());
        List<String> merged = tags.contains(Suppression.ALL_TAGS) ? List.of(Suppression.ALL_TAGS) : List.copyOf(tags);
        return new Suppression(added.domain(), added.type(), added.value(), added.code(), added.reason().or(existing::reason),
            merged, added.whitelistKind(), existing.createdAt());
    }

    public Optional<Suppression> get(Domain domain, SuppressionType type, String value) {
        return store.get(domain, type, Suppression.keyOf(value));
    }

    public boolean delete(Domain domain, SuppressionType type, String value) {
        return store.delete(domain, type, Suppression.keyOf(value));
    }

    /**
     * Removes one tag from an unsubscribe; the entry goes when no tag is left. Returns false when the address is not
     * unsubscribed under that tag.
     */
    public boolean removeUnsubscribeTag(Domain domain, String value, String tag) {
        Optional<Suppression> existing = store.get(domain, SuppressionType.UNSUBSCRIBES, Suppression.keyOf(value));
        if (existing.isEmpty() || !existing.get().tags().contains(tag)) {
            return false;
        }
        Suppression entry = existing.get();
        List<String> remaining = entry.tags().stream().filter(candidate -> !candidate.equals(tag)).toList();
        if (remaining.isEmpty()) {
            store.delete(domain, SuppressionType.UNSUBSCRIBES, entry.key());
        } else {
            store.put(new Suppression(entry.domain(), entry.type(), entry.value(), entry.code(), entry.reason(), remaining,
                entry.whitelistKind(), entry.createdAt()));
        }
        return true;
    }

    public void deleteAll(Domain domain, SuppressionType type) {
        store.deleteAll(domain, type);
    }

    public void deleteDomain(Domain domain) {
        for (SuppressionType type : SuppressionType.values()) {
            store.deleteAll(domain, type);
        }
    }

    public SuppressionPage page(Domain domain, SuppressionType type, PageRequest request) {
        List<Suppression> items = switch (request.position()) {
            case FIRST -> store.after(domain, type, Optional.empty(), request.limit());
            case NEXT -> store.after(domain, type, request.pivot(), request.limit());
            case LAST -> store.before(domain, type, Optional.empty(), request.limit());
            case PREVIOUS -> store.before(domain, type, request.pivot(), request.limit());
        };
        if (items.isEmpty()) {
            boolean before = request.pivot().isPresent() && !store.before(domain, type, request.pivot(), 1).isEmpty();
            boolean after = request.pivot().isPresent() && !store.after(domain, type, request.pivot(), 1).isEmpty();
            return new SuppressionPage(items, before, after);
        }
        String firstKey = items.get(0).key();
        String lastKey = items.get(items.size() - 1).key();
        return new SuppressionPage(items,
            !store.before(domain, type, Optional.of(firstKey), 1).isEmpty(),
            !store.after(domain, type, Optional.of(lastKey), 1).isEmpty());
    }

    /**
     * The page {@code skip} entries from the start, for clients that page by offset. It walks the list by key, so it
     * costs as much as reading the skipped entries.
     */
    public SuppressionPage pageAtOffset(Domain domain, SuppressionType type, int skip, int limit) {
        Optional<String> cursor = Optional.empty();
        int remaining = skip;
        while (remaining > 0) {
            List<Suppression> skipped = store.after(domain, type, cursor, Math.min(remaining, SKIP_CHUNK));
            if (skipped.isEmpty()) {
                return new SuppressionPage(List.of(), true, false);
            }
            cursor = Optional.of(skipped.get(skipped.size() - 1).key());
            remaining -= skipped.size();
        }
        return cursor.map(key -> page(domain, type, new PageRequest(PageRequest.Position.NEXT, Optional.of(key), limit)))
            .orElseGet(() -> page(domain, type, PageRequest.first(limit)));
    }

    /**
     * Why mail from this domain must not go to the recipient, if it must not: a whitelisted address or domain is never
     * suppressed. An unsubscribe applies to every message when it carries {@code *}, otherwise only to messages with
     * one of its tags.
     */
    public Optional<Suppression> suppressionFor(Domain domain, MailAddress recipient, List<String> messageTags) {
        if (isWhitelisted(domain, recipient)) {
            return Optional.empty();
        }
        String key = Suppression.keyOf(recipient.asString());
        List<Suppression> matches = new ArrayList<>();
        for (SuppressionType type : BLOCKING) {
            store.get(domain, type, key)
                .filter(entry -> type != SuppressionType.UNSUBSCRIBES || appliesTo(entry, messageTags))
                .ifPresent(matches::add);
        }
        return matches.stream().findFirst();
    }

    private static boolean appliesTo(Suppression unsubscribe, List<String> messageTags) {
        return unsubscribe.tags().isEmpty()
            || unsubscribe.tags().contains(Suppression.ALL_TAGS)
            || unsubscribe.tags().stream().anyMatch(messageTags::contains);
    }

    private boolean isWhitelisted(Domain domain, MailAddress recipient) {
        return store.get(domain, SuppressionType.WHITELISTS, Suppression.keyOf(recipient.asString())).isPresent()
            || store.get(domain, SuppressionType.WHITELISTS, Suppression.keyOf(recipient.getDomain().asString())).isPresent();
    }
}
