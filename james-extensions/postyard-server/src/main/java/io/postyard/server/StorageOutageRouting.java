package io.postyard.server;

import java.util.Set;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * James sends mail whose matcher or mailet throws to the {@code error} processor, which bounces it: right for a message
 * that cannot be processed, wrong when the storage was away for a moment, for the mail was accepted and would go through
 * a minute later. So every matcher and mailet of {@code mailetcontainer.xml} that does not say otherwise sends such
 * mail to the {@value #PROCESSOR} processor, which keeps it for a later attempt when the failure was an outage and hands
 * anything else to {@code error}. The processors that handle failures keep James's default, so that a failure there
 * cannot loop.
 */
final class StorageOutageRouting {
    static final String PROCESSOR = "storage-outage";
    private static final Set<String> FAILURE_HANDLING = Set.of("error", PROCESSOR);
    private static final String ON_MATCH_EXCEPTION = "onMatchException";
    private static final String ON_MAILET_EXCEPTION = "onMailetException";

    private StorageOutageRouting() {
    }

    static void apply(HierarchicalConfiguration<ImmutableNode> configuration) {
        int processors = configuration.getMaxIndex("processors.processor") + 1;
        if (!hasProcessor(configuration, processors)) {
            return;
        }
        for (int p = 0; p < processors; p++) {
            String processor = "processors.processor(" + p + ")";
            if (FAILURE_HANDLING.contains(configuration.getString(processor + "[@state]"))) {
                continue;
            }
            int mailets = configuration.getMaxIndex(processor + ".mailet") + 1;
            for (int m = 0; m < mailets; m++) {
                String mailet = processor + ".mailet(" + m + ")";
                for (String parameter : new String[] {ON_MATCH_EXCEPTION, ON_MAILET_EXCEPTION}) {
                    if (!configuration.containsKey(mailet + "." + parameter)) {
                        configuration.addProperty(mailet + "." + parameter, PROCESSOR);
                    }
                }
            }
        }
    }

    private static boolean hasProcessor(HierarchicalConfiguration<ImmutableNode> configuration, int processors) {
        for (int p = 0; p < processors; p++) {
            if (PROCESSOR.equals(configuration.getString("processors.processor(" + p + ")[@state]"))) {
                return true;
            }
        }
        return false;
    }
}
