package io.postyard.core.dns;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link DnsResolver} on dnsjava, asking the given servers (or the system's ones).
 *
 * <p>Nothing is cached: callers verify records that users have just published, and a stale negative answer would
 * send them back to their DNS provider for nothing. The hosts file is not read either, so that only DNS answers.
 */
public class DnsJavaResolver implements DnsResolver {
    /** Per question, retries included: long enough for one lost UDP packet, short enough for an HTTP request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final int DNS_PORT = 53;

    private final Resolver resolver;

    /**
     * @param servers {@code host}, {@code host:port}, {@code [ipv6]:port} or a bare IPv6 address; an empty list means
     *                the resolvers the system is configured with
     */
    public DnsJavaResolver(List<String> servers) {
        this(servers, DEFAULT_TIMEOUT);
    }

    public DnsJavaResolver(List<String> servers, Duration timeout) {
        List<InetSocketAddress> addresses = servers.isEmpty()
            ? ResolverConfig.getCurrentConfig().servers()
            : servers.stream().map(DnsJavaResolver::socketAddress).toList();
        if (addresses.isEmpty()) {
            throw new IllegalStateException("No DNS server configured, and the system names none");
        }
        this.resolver = resolver(addresses, timeout);
    }

    @Override
    public List<MxRecord> mx(String name) {
        return lookup(name, Type.MX).stream()
            .filter(MXRecord.class::isInstance)
            .map(MXRecord.class::cast)
            .map(mx -> new MxRecord(hostName(mx.getTarget()), mx.getPriority()))
            .sorted(Comparator.comparingInt(MxRecord::preference).thenComparing(MxRecord::host))
            .toList();
    }

    @Override
    public List<String> txt(String name) {
        return lookup(name, Type.TXT).stream()
            .filter(TXTRecord.class::isInstance)
            .map(TXTRecord.class::cast)
            .map(DnsJavaResolver::joinedText)
            .toList();
    }

    @Override
    public Optional<String> cname(String name) {
        return lookup(name, Type.CNAME).stream()
            .filter(CNAMERecord.class::isInstance)
            .map(CNAMERecord.class::cast)
            .map(cname -> hostName(cname.getTarget()))
            .findFirst();
    }

    @Override
    public boolean hasAddress(String name) {
        return lookup(name, Type.A).stream().anyMatch(ARecord.class::isInstance)
            || lookup(name, Type.AAAA).stream().anyMatch(AAAARecord.class::isInstance);
    }

    private List<Record> lookup(String name, int type) {
        Optional<Name> absolute = absoluteName(name);
        if (absolute.isEmpty()) {
            return List.of();
        }
        Lookup lookup = new Lookup(absolute.get(), type);
        lookup.setResolver(resolver);
        lookup.setCache(null);
        lookup.setHostsFileParser(null);
        Record[] answers = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> Arrays.asList(answers);
            case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> List.of();
            default -> throw new DnsLookupException(name, Type.string(type), lookup.getErrorString());
        };
    }

    /**
     * Absolute, so that the system's search domains are never appended. A name that cannot be written in DNS (an
     * over-long label, say) cannot exist either, hence no answer rather than an error.
     */
    private static Optional<Name> absoluteName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Name.fromString(IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED), Name.root));
        } catch (IllegalArgumentException | TextParseException e) {
            return Optional.empty();
        }
    }

    private static String hostName(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    /** Joined as bytes, then decoded: a UTF-8 character may straddle two character-strings. */
    private static String joinedText(TXTRecord record) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        record.getStringsAsByteArrays().forEach(joined::writeBytes);
        return joined.toString(StandardCharsets.UTF_8);
    }

    private static Resolver resolver(List<InetSocketAddress> servers, Duration timeout) {
        ExtendedResolver resolver = new ExtendedResolver(servers.stream()
            .map(server -> {
                SimpleResolver simple = new SimpleResolver(server);
                // Half the budget per attempt leaves room for one retry after a lost packet.
                simple.setTimeout(timeout.dividedBy(2));
                return (Resolver) simple;
            })
            .toList());
        resolver.setTimeout(timeout);
        return resolver;
    }

    private static InetSocketAddress socketAddress(String server) {
        String entry = server.strip();
        String host = entry;
        Optional<String> port = Optional.empty();
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            if (end < 0 || (end + 1 < entry.length() && entry.charAt(end + 1) != ':')) {
                throw new IllegalArgumentException("Bad DNS server " + server);
            }
            host = entry.substring(1, end);
            port = end + 1 < entry.length() ? Optional.of(entry.substring(end + 2)) : Optional.empty();
        } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
            // One colon separates a port; several make a bare IPv6 address.
            host = entry.substring(0, entry.indexOf(':'));
            port = Optional.of(entry.substring(entry.indexOf(':') + 1));
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Bad DNS server " + server);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port.map(p -> port(p, server)).orElse(DNS_PORT));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown DNS server " + server, e);
        }
    }

    private static int port(String text, String server) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 0xFFFF) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the whole entry
        }
        throw new IllegalArgumentException("Bad port in DNS server " + server);
    }
}
