import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.opensearch.Version;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;

/**
 * One OpenSearch node on loopback, for local runs and tests: the distribution's start-up without its launcher, with the
 * two plugins a node needs (HTTP and transport over Netty, and the common analyzers) loaded from the classpath.
 * Arguments: home directory, HTTP port.
 */
public final class SearchNode extends Node {
    private SearchNode(Environment environment) {
        super(environment, List.of(
            plugin("transport-netty4", "org.opensearch.transport.Netty4ModulePlugin"),
            plugin("analysis-common", "org.opensearch.analysis.common.CommonAnalysisModulePlugin")), true);
    }

    private static PluginInfo plugin(String name, String className) {
        return new PluginInfo(name, name, Version.CURRENT.toString(), Version.CURRENT, "21", className, List.of(), false);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "postyard")
            .put("node.name", "postyard-search")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", args.length > 1 ? args[1] : "9200")
            .put("transport.port", args.length > 2 ? args[2] : "9300")
            // A test machine's disk may be nearly full; indices must not turn read-only for that.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"), () -> "postyard-search");
        Node node = new SearchNode(environment).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        Thread.currentThread().join();
    }
}
