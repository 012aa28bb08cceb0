package io.postyard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed PKCS12 keystore for {@code localhost} and {@code 127.0.0.1}, made by the JDK's {@code keytool} as
 * {@code ./postyard keystore} makes it, and the client side that trusts its certificate and nothing else.
 */
public final class TestKeystore {
    public static final String ALIAS = "postyard";
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);

    public static TestKeystore generate() {
        try {
            Path directory = Files.createTempDirectory("postyard-tls");
            directory.toFile().deleteOnExit();
            Path path = directory.resolve("keystore.p12");
            String password = "test-store-" + Long.toHexString(System.nanoTime());
            keytool(List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", path.toString(), "-storepass", password));
            path.toFile().deleteOnExit();
            return new TestKeystore(path, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(List<String> arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(KEYTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish in " + KEYTOOL_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for keytool", e);
        }
        if (process.exitValue() != 0) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("keytool failed (" + process.exitValue() + "): " + output);
        }
    }

    private final Path path;
    private final String password;

    private TestKeystore(Path path, String password) {
        this.path = path;
        this.password = password;
    }

    public Path path() {
        return path;
    }

    public String password() {
        return password;
    }

    /** Trusts exactly this keystore's certificate, as a client given the server's self-signed certificate would. */
    public X509TrustManager trustManager() {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, password.toCharArray());
            Certificate certificate = keystore.getCertificate(ALIAS);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public SSLContext clientContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JDK HTTP client that trusts this certificate and checks the host name against it. */
    public HttpClient httpClient() {
        return HttpClient.newBuilder()
            .sslContext(clientContext())
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    }
}
