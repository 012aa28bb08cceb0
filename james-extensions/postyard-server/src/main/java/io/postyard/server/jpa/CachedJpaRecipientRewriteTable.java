package io.postyard.server.jpa;

import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.jpa.JPARecipientRewriteTable;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.rrt.lib.Mappings;

import io.postyard.core.cache.WriteInvalidatedCache;

/**
 * James's JPA recipient rewrite rules on the single-node SQL profile, with each source's rules kept in memory: the
 * mailet container resolves every local recipient's address and domain through them, and every rule is added or
 * removed through this node (James's own add and remove helpers all end in {@link #addMapping} or
 * {@link #removeMapping}).
 */
class CachedJpaRecipientRewriteTable extends JPARecipientRewriteTable {
    private static final int SOURCES_KEPT = 100_000;

    private final WriteInvalidatedCache<MappingSource, Mappings> bySource = new WriteInvalidatedCache<>(SOURCES_KEPT);

    @Override
    public Mappings getStoredMappings(MappingSource source) throws RecipientRewriteTableException {
        return bySource.get(source, () -> super.getStoredMappings(source));
    }

    @Override
    public void addMapping(MappingSource source, Mapping mapping) throws RecipientRewriteTableException {
        try {
            super.addMapping(source, mapping);
        } finally {
            bySource.forget(source);
        }
    }

    @Override
    public void removeMapping(MappingSource source, Mapping mapping) throws RecipientRewriteTableException {
        try {
            super.removeMapping(source, mapping);
        } finally {
            bySource.forget(source);
        }
    }
}
