package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.postyard.testing.SuiteSecrets;

/** {@code ./postyard keystore}, the self-signed keystore for local TLS, run as a user runs it. */
class KeystoreCommandTest {
    private static final Path SCRIPT = Path.of("../../postyard").toAbsolutePath().normalize();
    private static final Pattern PASSWORD = Pattern.compile("export POSTYARD_TLS_KEYSTORE_PASSWORD=(\\S+)");

    @TempDir
    Path directory;

    @Test
    void makesAKeystoreOnlyItsOwnerCanReadWithACertificateForLocalhostAndTheGivenHost() throws Exception {
        Path keystore = directory.resolve("tls/keystore.p12");
        Run run = run(keystore.toString(), "mail.example.test");

        assertThat(run.exitCode()).isZero();
        Matcher password = PASSWORD.matcher(run.output());
        assertThat(password.find()).as(run.output()).isTrue();
        SuiteSecrets.record(password.group(1));
        assertThat(run.output()).contains("export POSTYARD_TLS_KEYSTORE=" + keystore);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.group(1).toCharArray());
        }
        assertThat(store.isKeyEntry("postyard")).isTrue();
        X509Certificate certificate = (X509Certificate) store.getCertificate("postyard");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=mail.example.test");
        List<String> alternativeNames = certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
        assertThat(alternativeNames).containsExactlyInAnyOrder("localhost", "127.0.0.1", "mail.example.test");
    }

    @Test
    void neverOverwritesAnExistingKeystore() throws Exception {
        Path keystore = directory.resolve("keystore.p12");
        Files.writeString(keystore, "someone's keystore");

        Run run = run(keystore.toString(), "localhost");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("already exists");
        assertThat(Files.readString(keystore)).isEqualTo("someone's keystore");
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "keystore"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
