package io.postyard.core.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 addresses as C's {@code inet_aton} reads them, which curl and many HTTP stacks use: one to four parts, each
 * decimal, octal (leading 0) or hex ({@code 0x}), the last filling the remaining bytes. And the IPv4 address an IPv6
 * one carries, where it routes to it.
 */
final class Ipv4Literals {
    private static final Pattern PART = Pattern.compile("0x[0-9a-f]*|[0-9]+");

    /**
     * The address, when the host is written as IPv4 numbers; {@link Optional#empty()} when it is a name or an IPv6
     * address. Numbers out of range are an {@link IllegalArgumentException}: no resolver would look them up.
     */
    static Optional<InetAddress> parse(String host) {
        String[] parts = host.toLowerCase(Locale.ROOT).split("\\.", -1);
        if (parts.length > 4 || !Arrays.stream(parts).allMatch(part -> PART.matcher(part).matches())) {
            return Optional.empty();
        }
        long[] values = Arrays.stream(parts).mapToLong(Ipv4Literals::number).toArray();
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xff) {
                throw new IllegalArgumentException("Part out of range: " + host);
            }
            address = (address << 8) | values[i];
        }
        int lastBytes = 5 - values.length;
        long last = values[values.length - 1];
        if (last >= (1L << (8 * lastBytes))) {
            throw new IllegalArgumentException("Last part out of range: " + host);
        }
        address = (address << (8 * lastBytes)) | last;
        return Optional.of(fromInt(address));
    }

    /** The IPv4 address of an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96, 64:ff9b:1::/48) or 6to4 address. */
    static Optional<InetAddress> carriedBy(byte[] ipv6) {
        boolean leadingZeros = Arrays.equals(Arrays.copyOf(ipv6, 10), new byte[10]);
        boolean mapped = leadingZeros && (ipv6[10] & 0xff) == 0xff && (ipv6[11] & 0xff) == 0xff;
        boolean compatible = leadingZeros && ipv6[10] == 0 && ipv6[11] == 0 && !isZeroOrOne(ipv6);
        boolean nat64 = (ipv6[0] & 0xff) == 0x00 && (ipv6[1] & 0xff) == 0x64 && (ipv6[2] & 0xff) == 0xff && (ipv6[3] & 0xff) == 0x9b;
        if (mapped || compatible || nat64) {
            return Optional.of(fromBytes(Arrays.copyOfRange(ipv6, 12, 16)));
        }
        if ((ipv6[0] & 0xff) == 0x20 && (ipv6[1] & 0xff) == 0x02) {
            return Optional.of(fromBytes(Arrays.copyOfRange(ipv6, 2, 6)));
        }
        return Optional.empty();
    }

    private static boolean isZeroOrOne(byte[] ipv6) {
        for (int i = 0; i < 15; i++) {
            if (ipv6[i] != 0) {
                return false;
            }
        }
        return ipv6[15] == 0 || ipv6[15] == 1;
    }

    private static long number(String part) {
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number: " + part, e);
        }
    }

    private static InetAddress fromInt(long address) {
        return fromBytes(new byte[] {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address});
    }

    private static InetAddress fromBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private Ipv4Literals() {
    }
}
