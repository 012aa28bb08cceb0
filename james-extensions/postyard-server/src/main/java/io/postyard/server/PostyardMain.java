package io.postyard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.storage.StorageProfile;
import io.postyard.jdbc.DatabaseStartupCheck;
import io.postyard.jdbc.JdbcConfiguration;

public final class PostyardMain {
    private static final Logger LOGGER = LoggerFactory.getLogger(PostyardMain.class);

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        Path confDir = Path.of(System.getenv().getOrDefault(Setting.CONF_DIR.envName(), Setting.CONF_DIR.defaultValue()));
        PostyardSettings settings = PostyardSettings.load(confDir, System.getenv());
        LOGGER.info("Starting Postyard with {}", settings);
        if (StorageProfile.of(settings) == StorageProfile.EMBEDDED) {
            Optional<String> problem = DatabaseStartupCheck.problem(JdbcConfiguration.from(settings));
            if (problem.isPresent()) {
                System.err.println("Postyard did not start. " + problem.get());
                System.exit(1);
            }
        }

        GuiceJamesServer server = PostyardServer.create(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postyard-shutdown"));
        server.start();
        printBanner(server, settings, Duration.between(started, Instant.now()));
    }

    private static void printBanner(GuiceJamesServer server, PostyardSettings settings, Duration startup) {
        PostyardProbe ports = server.getProbe(PostyardProbe.class);
        String api = settings.publicUrl();
        StringBuilder apis = new StringBuilder();
        ports.providers().forEach(provider -> apis.append(String.format("    %-11s %s%s%n", provider.name(), api, provider.prefix())));
        String banner = Stream.of(
            "",
            "  Postyard is ready (" + startup.toMillis() + " ms)",
            "",
            "  Provider APIs (SDK base URLs)",
            apis + String.format("    %-11s %s/healthz", "Health", api),
            "",
            "  Mail" + (ports.tls() ? " (STARTTLS offered on SMTP, Submission, IMAP and POP3)" : " (TLS off: see docs/tls.md)"),
            "    SMTP        " + ports.inboundSmtpPort(),
            "    Submission  " + ports.submissionPort() + " (AUTH required)",
            ports.tls() ? "    SMTPS       " + ports.smtpsPort() + " (implicit TLS, AUTH required)" : null,
            "    IMAP        " + ports.imapPort(),
            ports.tls() ? "    IMAPS       " + ports.imapsPort() + " (implicit TLS)" : null,
            "    POP3        " + ports.pop3Port(),
            ports.tls() ? "    POP3S       " + ports.pop3sPort() + " (implicit TLS)" : null,
            "",
            "  WebAdmin      http://" + settings.get(Setting.WEBADMIN_HOST) + ":"
                + server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue(),
            "")
            .filter(Objects::nonNull)
            .collect(Collectors.joining(System.lineSeparator()));
        System.out.println(banner);
        System.out.flush();
    }

    private PostyardMain() {
    }
}
