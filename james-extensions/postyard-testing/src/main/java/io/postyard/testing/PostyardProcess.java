package io.postyard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import io.postyard.core.settings.Setting;

/**
 * A Postyard server in a process of its own (the test's classpath, {@code PostyardMain}), so several nodes can share
 * storage, and one can be killed with SIGKILL as a crash would. Settings are passed as {@code POSTYARD_*} variables.
 */
public final class PostyardProcess implements AutoCloseable {
    private final Map<Setting, String> settings;
    private final Path dataDir;
    private final Path log;
    private Process process;

    private PostyardProcess(Map<Setting, String> settings, Path dataDir) {
        this.settings = Map.copyOf(settings);
        this.dataDir = dataDir;
        this.log = logFile(dataDir);
    }

    /** With {@code postyard.suite.logs} set, node logs go there (restarts appended), for the suite's secrets scan. */
    private static Path logFile(Path dataDir) {
        return Optional.ofNullable(System.getProperty("postyard.suite.logs"))
            .map(directory -> Path.of(directory, dataDir.getFileName() + ".log"))
            .orElse(dataDir.resolve("node.log"));
    }

    /** A node on its own ports, with the repository's {@code conf/} and the given settings over it. */
    public static PostyardProcess node(Map<Setting, String> overrides) {
        try {
            return node(overrides, Files.createTempDirectory("postyard-node"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node on the given data directory (one restored from a backup, say). */
    public static PostyardProcess node(Map<Setting, String> overrides, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Map<Setting, String> settings = new HashMap<>();
            settings.put(Setting.CONF_DIR, PostyardExtension.repositoryConfDir().toString());
            settings.put(Setting.DATA_DIR, dataDir.toString());
            for (Setting port : List.of(Setting.SMTP_PORT, Setting.SUBMISSION_PORT, Setting.IMAP_PORT, Setting.POP3_PORT,
                Setting.WEBADMIN_PORT, Setting.HTTP_PORT)) {
                settings.put(port, String.valueOf(FreePorts.belowEphemeralRange()));
            }
            settings.put(Setting.HTTP_HOST, PostyardExtension.LOCALHOST);
            settings.put(Setting.WEBADMIN_HOST, PostyardExtension.LOCALHOST);
            settings.put(Setting.PUBLIC_URL, "http://" + PostyardExtension.LOCALHOST + ":" + settings.get(Setting.HTTP_PORT));
            settings.put(Setting.API_KEY, PostyardExtension.PRIMARY_KEY);
            settings.put(Setting.STORAGE_PROFILE, "memory");
            settings.putAll(overrides);
            return new PostyardProcess(settings, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PostyardProcess start() {
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx512m",
            "-Dlogback.configurationFile=" + PostyardExtension.repositoryConfDir().resolve("logback.xml"),
            "-Dworking.directory=" + dataDir,
            "-cp", System.getProperty("java.class.path"),
            "io.postyard.server.PostyardMain");
        settings.forEach((setting, value) -> builder.environment().put(setting.envName(), value));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node exited during start-up; see " + log);
            }
            try {
                return api().get("/healthz").send().status() == 200;
            } catch (UncheckedIOException notListeningYet) {
                return false;
            }
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, nothing flushed, as a crash. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    public HttpApi api() {
        return new HttpApi("http://" + PostyardExtension.LOCALHOST + ":" + settings.get(Setting.HTTP_PORT));
    }

    public HttpApi webAdmin() {
        return new HttpApi("http://" + PostyardExtension.LOCALHOST + ":" + settings.get(Setting.WEBADMIN_PORT));
    }

    public int port(Setting setting) {
        return Integer.parseInt(settings.get(setting));
    }

    public Path log() {
        return log;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
