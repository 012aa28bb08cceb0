package io.postyard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.XMLConfiguration;
import org.apache.commons.configuration2.io.FileHandler;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.junit.jupiter.api.Test;

class StorageOutageRoutingTest {
    private static final Path SHIPPED = Path.of("../../conf/mailetcontainer.xml");

    @Test
    void everyMailetOfTheShippedPipelineOutsideFailureHandlingSendsFailuresToTheStorageOutageProcessor() throws Exception {
        XMLConfiguration configuration = load(Files.readString(SHIPPED));
        StorageOutageRouting.apply(configuration);

        List<String> unrouted = new ArrayList<>();
        for (HierarchicalConfiguration<ImmutableNode> processor : configuration.configurationsAt("processors.processor")) {
            String state = processor.getString("[@state]");
            if (state.equals("error") || state.equals("storage-outage")) {
                continue;
            }
            for (HierarchicalConfiguration<ImmutableNode> mailet : processor.configurationsAt("mailet")) {
                if (mailet.getString("onMatchException") == null || mailet.getString("onMailetException") == null) {
                    unrouted.add(state + "/" + mailet.getString("[@class]"));
                }
            }
        }
        assertThat(unrouted).isEmpty();
        assertThat(mailet(configuration, "transport", 0).getString("onMatchException")).isEqualTo("storage-outage");
        assertThat(mailet(configuration, "transport", 0).getString("onMailetException")).isEqualTo("storage-outage");
    }

    @Test
    void aMailetThatSaysWhereItsFailuresGoKeepsIt() throws Exception {
        XMLConfiguration configuration = load(Files.readString(SHIPPED));
        StorageOutageRouting.apply(configuration);

        assertThat(mailet(configuration, "local-delivery", 1).getString("[@class]")).isEqualTo("Sieve");
        assertThat(mailet(configuration, "local-delivery", 1).getString("onMailetException")).isEqualTo("ignore");
        assertThat(mailet(configuration, "mailbox-delivery", 0).getString("onMailetException")).isEqualTo("mailbox-delivery-failed");
    }

    @Test
    void theProcessorsThatHandleFailuresKeepJamesDefaultSoThatAFailureThereCannotLoop() throws Exception {
        XMLConfiguration configuration = load(Files.readString(SHIPPED));
        StorageOutageRouting.apply(configuration);

        assertThat(mailet(configuration, "error", 0).getString("onMatchException")).isNull();
        assertThat(mailet(configuration, "storage-outage", 0).getString("onMatchException")).isNull();
        assertThat(mailet(configuration, "storage-outage", 0).getString("onMailetException")).isNull();
    }

    @Test
    void aPipelineWithoutTheStorageOutageProcessorIsLeftAsItIs() throws Exception {
        XMLConfiguration configuration = load("""
            <mailetcontainer><processors>
              <processor state="root"><mailet match="All" class="Null"/></processor>
            </processors></mailetcontainer>""");
        StorageOutageRouting.apply(configuration);

        assertThat(mailet(configuration, "root", 0).getString("onMatchException")).isNull();
    }

    private static HierarchicalConfiguration<ImmutableNode> mailet(XMLConfiguration configuration, String state, int index) {
        return configuration.configurationsAt("processors.processor").stream()
            .filter(processor -> state.equals(processor.getString("[@state]")))
            .findFirst().orElseThrow()
            .configurationsAt("mailet").get(index);
    }

    private static XMLConfiguration load(String xml) throws Exception {
        XMLConfiguration configuration = new XMLConfiguration();
        new FileHandler(configuration).load(new StringReader(xml));
        return configuration;
    }
}
