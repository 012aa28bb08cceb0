package io.postyard.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.google.inject.Module;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.server.PostyardProbe;
import io.postyard.server.PostyardServer;

/**
 * Boots the real Postyard server (James plus every Postyard module, with the repository's {@code conf/}) once per
 * test class, every listener on a free port. Optionally starts an {@link SmtpSink} first and makes it the outbound
 * gateway.
 */
public class PostyardExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    public static final String PRIMARY_KEY = "key-test-primary-0123456789abcdef0123456789abcdef";
    public static final String LOCALHOST = "127.0.0.1";

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<Setting, String> settings = new LinkedHashMap<>();
        private final List<Module> modules = new ArrayList<>();
        private boolean smtpSink = false;
        private boolean dns = false;
        private boolean scriptedSink = false;
        private boolean tls = false;

        /**
         * Generates a self-signed keystore first and configures it: STARTTLS on SMTP, submission, IMAP and POP3, the
         * SMTPS and IMAPS listeners, and HTTPS on the public port ({@link #api()} trusts the certificate).
         */
        public Builder withTls() {
            this.tls = true;
            return this;
        }

        public Builder withSmtpSink() {
            this.smtpSink = true;
            return this;
        }

        /** Starts a {@link ScriptedSmtpSink} first and makes it the outbound gateway. */
        public Builder withScriptedSmtpSink() {
            this.scriptedSink = true;
            return this;
        }

        /** Starts a {@link TestDnsServer} first and makes it the server's only resolver. */
        public Builder withTestDns() {
            this.dns = true;
            return this;
        }

        public Builder setting(Setting setting, String value) {
            settings.put(setting, value);
            return this;
        }

        public Builder settings(Map<Setting, String> values) {
            settings.putAll(values);
            return this;
        }

        /** Replaces or adds bindings in the server's injector, for test fixtures such as extra Camel routes. */
        public Builder overrideWith(Module module) {
            modules.add(module);
            return this;
        }

        public PostyardExtension build() {
            return new PostyardExtension(Map.copyOf(settings), smtpSink, dns, scriptedSink, tls, List.copyOf(modules));
        }
    }

    private final Map<Setting, String> overrides;
    private final Optional<SmtpSink> sink;
    private final boolean withDns;
    private final boolean withScriptedSink;
    private final boolean withTls;
    private TestKeystore keystore;
    private TestDnsServer dnsServer;
    private ScriptedSmtpSink scriptedSink;
    private final JamesServerExtension james;
    private PostyardSettings settings;
    private HttpApi api;

    private PostyardExtension(Map<Setting, String> overrides, boolean withSink, boolean withDns, boolean withScriptedSink,
                              boolean withTls, List<Module> modules) {
        this.overrides = overrides;
        this.withTls = withTls;
        this.withDns = withDns;
        this.withScriptedSink = withScriptedSink;
        this.sink = withSink ? Optional.of(new SmtpSink()) : Optional.empty();
        this.james = new JamesServerBuilder<Configuration.Basic>(tmpDir -> Configuration.builder()
                .workingDirectory(tmpDir)
                .configurationFromClasspath()
                .build())
            .server(configuration -> PostyardServer.create(
                settings.with(Setting.DATA_DIR, configuration.directories().getRootDirectory()))
                .overrideWith(modules))
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sink.ifPresent(SmtpSink::start);
        if (withDns) {
            dnsServer = TestDnsServer.start();
        }
        if (withScriptedSink) {
            scriptedSink = new ScriptedSmtpSink();
        }
        if (withTls) {
            keystore = TestKeystore.generate();
        }
        settings = testSettings();
        james.beforeAll(context);
    }

    private PostyardSettings testSettings() {
        String httpPort = String.valueOf(FreePorts.belowEphemeralRange());
        PostyardSettings result = PostyardSettings.load(repositoryConfDir(), Map.of())
            // Tests that check storage name their profile; the others need none that outlives them.
            .with(Setting.STORAGE_PROFILE, "memory")
            .with(Setting.SMTP_PORT, "0")
            .with(Setting.SUBMISSION_PORT, "0")
            .with(Setting.IMAP_PORT, "0")
            .with(Setting.POP3_PORT, "0")
            .with(Setting.SMTPS_PORT, "0")
            .with(Setting.IMAPS_PORT, "0")
            .with(Setting.POP3S_PORT, "0")
            .with(Setting.WEBADMIN_HOST, LOCALHOST)
            .with(Setting.WEBADMIN_PORT, "0")
            .with(Setting.HTTP_HOST, LOCALHOST)
            .with(Setting.HTTP_PORT, httpPort)
            .with(Setting.PUBLIC_URL, httpScheme() + "://" + LOCALHOST + ":" + httpPort)
            .with(Setting.API_KEY, PRIMARY_KEY);
        if (keystore != null) {
            result = result.with(Setting.TLS_KEYSTORE, keystore.path().toString())
                .with(Setting.TLS_KEYSTORE_PASSWORD, keystore.password());
        }
        if (sink.isPresent()) {
            result = result.with(Setting.SMTP_GATEWAY, sink.get().gateway());
        }
        if (dnsServer != null) {
            result = result.with(Setting.DNS_SERVERS, dnsServer.address());
        }
        if (scriptedSink != null) {
            result = result.with(Setting.SMTP_GATEWAY, scriptedSink.gateway());
        }
        for (Map.Entry<Setting, String> override : overrides.entrySet()) {
            result = result.with(override.getKey(), override.getValue());
        }
        result.secretValues().forEach(SuiteSecrets::record);
        return result;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            james.afterAll(context);
        } finally {
            sink.ifPresent(SmtpSink::close);
            if (dnsServer != null) {
                dnsServer.close();
            }
            if (scriptedSink != null) {
                scriptedSink.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == GuiceJamesServer.class || type == PostyardExtension.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return parameterContext.getParameter().getType() == PostyardExtension.class ? this : server();
    }

    public GuiceJamesServer server() {
        return james.getGuiceJamesServer();
    }

    public PostyardSettings settings() {
        return settings;
    }

    public SmtpSink sink() {
        return sink.orElseThrow(() -> new IllegalStateException("Build the extension withSmtpSink()"));
    }

    public ScriptedSmtpSink scriptedSink() {
        if (scriptedSink == null) {
            throw new IllegalStateException("Build the extension withScriptedSmtpSink()");
        }
        return scriptedSink;
    }

    public TestDnsServer dns() {
        if (dnsServer == null) {
            throw new IllegalStateException("Build the extension withTestDns()");
        }
        return dnsServer;
    }

    public String primaryKey() {
        return PRIMARY_KEY;
    }

    /**
     * One client for the class, reusing its connections as a real application's would: a client per call would leave
     * each connection open until the server's idle timeout, beyond the public port's per-address limit.
     */
    public synchronized HttpApi api() {
        if (api == null) {
            String baseUrl = httpScheme() + "://" + LOCALHOST + ":" + httpPort();
            api = keystore == null ? new HttpApi(baseUrl) : new HttpApi(baseUrl, keystore.httpClient());
        }
        return api;
    }

    private String httpScheme() {
        return withTls ? "https" : "http";
    }

    public TestKeystore keystore() {
        if (keystore == null) {
            throw new IllegalStateException("Build the extension withTls()");
        }
        return keystore;
    }

    public HttpApi webAdmin() {
        return new HttpApi("http://" + LOCALHOST + ":" + server().getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue());
    }

    public int httpPort() {
        return server().getProbe(PostyardProbe.class).httpPort();
    }

    /** Creates a key of {@code kind} with the permissions through WebAdmin, as an operator would; returns its secret. */
    public String createKey(String kind, String... permissions) {
        String json = "{\"kind\":\"" + kind + "\",\"description\":\"test key\",\"permissions\":["
            + java.util.Arrays.stream(permissions).map(permission -> "\"" + permission + "\"").collect(java.util.stream.Collectors.joining(","))
            + "]}";
        ApiResponse created = webAdmin().post("/postyard/keys").json(json).send();
        if (created.status() != 201 && created.status() != 200) {
            throw new IllegalStateException("Key creation failed: " + created);
        }
        return created.json().get("secret").asText();
    }

    public void publish(io.postyard.core.event.PostyardEvent event) {
        server().getProbe(PostyardProbe.class).publish(event);
    }

    public int smtpPort() {
        return server().getProbe(PostyardProbe.class).inboundSmtpPort();
    }

    public int submissionPort() {
        return server().getProbe(PostyardProbe.class).submissionPort();
    }

    public int imapPort() {
        return server().getProbe(PostyardProbe.class).imapPort();
    }

    /** Submission over implicit TLS; only when built {@link Builder#withTls()}. */
    public int smtpsPort() {
        return server().getProbe(PostyardProbe.class).smtpsPort();
    }

    /** IMAP over implicit TLS; only when built {@link Builder#withTls()}. */
    public int imapsPort() {
        return server().getProbe(PostyardProbe.class).imapsPort();
    }

    public int pop3Port() {
        return server().getProbe(PostyardProbe.class).pop3Port();
    }

    /** POP3 over implicit TLS; only when built {@link Builder#withTls()}. */
    public int pop3sPort() {
        return server().getProbe(PostyardProbe.class).pop3sPort();
    }

    /** The repository's own {@code conf/}, found from the module directory Maven runs tests in. */
    static Path repositoryConfDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("conf").resolve(PostyardSettings.PROPERTIES_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate.getParent();
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No conf/" + PostyardSettings.PROPERTIES_FILE + " above " + System.getProperty("user.dir"));
    }

}
