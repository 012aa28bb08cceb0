package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs after the whole integration suite (its own Surefire execution): every key, password, token and signing key the
 * suite sent or received ({@code SuiteSecrets}) is looked for in everything the servers logged, in process and in the
 * node processes. Not one may appear.
 */
class SuiteLogHoldsNoSecretTest {
    @Test
    void noSecretTheSuiteUsedAppearsInAnyServerLog() throws IOException {
        Path secretsFile = Path.of(System.getProperty("postyard.scan.secrets"));
        Path suiteLog = Path.of(System.getProperty("postyard.scan.log"));
        Path nodeLogs = Path.of(System.getProperty("postyard.scan.logs"));
        Set<String> secrets = new TreeSet<>(Files.readAllLines(secretsFile, StandardCharsets.UTF_8));
        List<Path> logs = new ArrayList<>(List.of(suiteLog));
        if (Files.isDirectory(nodeLogs)) {
            try (Stream<Path> files = Files.list(nodeLogs)) {
                files.forEach(logs::add);
            }
        }

        List<String> leaks = new ArrayList<>();
        long bytes = 0;
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            bytes += text.length();
            secrets.stream().filter(text::contains).forEach(secret -> leaks.add(log.getFileName() + ": " + mask(secret)));
        }

        System.out.printf("Secrets scan: %d distinct secrets over %d logs (%d MB), %d found%n", secrets.size(), logs.size(),
            bytes / (1024 * 1024), leaks.size());
        assertThat(secrets).as("secrets recorded by the suite").hasSizeGreaterThan(100);
        assertThat(bytes).as("bytes of server logs").isGreaterThan(1_000_000);
        assertThat(leaks).isEmpty();
    }

    private static String mask(String secret) {
        return secret.substring(0, 3) + "…" + secret.substring(secret.length() - 2) + " (" + secret.length() + " chars)";
    }
}
