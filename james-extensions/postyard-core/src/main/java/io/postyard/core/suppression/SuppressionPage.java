package io.postyard.core.suppression;

import java.util.List;

/** A page of a list, and whether entries exist beyond either end of it. */
public record SuppressionPage(List<Suppression> items, boolean hasBefore, boolean hasAfter) {
    public SuppressionPage {
        items = List.copyOf(items);
    }
}
