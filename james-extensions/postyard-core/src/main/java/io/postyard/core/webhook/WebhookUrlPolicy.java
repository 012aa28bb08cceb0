package io.postyard.core.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Keeps webhooks from reaching into the server's own network (SSRF): a URL whose host resolves to a loopback,
 * link-local, private, unique-local or wildcard address is refused, unless {@code POSTYARD_WEBHOOK_ALLOW_PRIVATE=true}.
 * Checked when a webhook is configured, before each delivery, and on every address the HTTP client connects to, so
 * that a DNS answer changed in between (rebinding) cannot reach inside either.
 */
public class WebhookUrlPolicy {
    private final boolean allowPrivate;

    @Inject
    public WebhookUrlPolicy(PostyardSettings settings) {
        this(settings.getBoolean(Setting.WEBHOOK_ALLOW_PRIVATE));
    }

    public WebhookUrlPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The value as an absolute http or https URL with a host, if it is one. */
    public static Optional<URI> parseHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the URL may not be used, if it may not. The host is read as every HTTP stack might read it: an IPv4 address
     * in any form {@code inet_aton} accepts (octal {@code 0177.0.0.1}, hex {@code 0x7f000001}, decimal
     * {@code 2130706433}, shortened {@code 127.1}), with or without a trailing dot, and IPv6 addresses that carry an
     * IPv4 one (mapped, NAT64, 6to4) by the address they carry.
     */
    public Optional<String> refusal(URI url) {
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are allowed");
        }
        if (url.getHost() == null) {
            return Optional.of("the URL has no host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = hostOf(url);
        Optional<InetAddress> literal;
        try {
            literal = Ipv4Literals.parse(host);
        } catch (IllegalArgumentException e) {
            return Optional.of("the host is a malformed IP address");
        }
        if (literal.isPresent()) {
            return permits(literal.get()) ? Optional.empty() : Optional.of("the host is an internal address");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!permits(address)) {
                    return Optional.of("the host resolves to an internal address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            // Mailgun accepts a host that does not resolve yet; its deliveries fail and are retried until it does.
            return Optional.empty();
        }
    }

    private static String hostOf(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    /** Whether a connection to this address is allowed: the delivery engine asks it again for each address it connects to. */
    public boolean permits(InetAddress address) {
        return allowPrivate || !isInternal(address);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
            || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            Optional<InetAddress> carried = Ipv4Literals.carriedBy(bytes);
            return carried.map(WebhookUrlPolicy::isInternal).orElse((bytes[0] & 0xfe) == 0xfc);
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second == 18 || second == 19));
    }
}
