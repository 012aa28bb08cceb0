package io.postyard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server on a free UDP port of 127.0.0.1, answering from a zone the test fills. Names it holds
 * no records for, at or below them, are NXDOMAIN. Point a resolver at {@link #address()}.
 *
 * <pre>
 * try (TestDnsServer dns = TestDnsServer.start()) {
 *     dns.addMx("example.test", 10, "mx.example.test");
 *     DnsResolver resolver = new DnsJavaResolver(List.of(dns.address()));
 * }
 * </pre>
 */
public final class TestDnsServer implements AutoCloseable {
    private static final long TTL_SECONDS = 60;
    private static final int CHARACTER_STRING_MAX_BYTES = 255;
    /** What a UDP answer may hold when the query carries no EDNS record (RFC 1035). */
    private static final int PLAIN_UDP_MAX_BYTES = 512;
    private static final int EDNS_PAYLOAD_BYTES = 1232;
    /** A CNAME chain longer than this in a test zone is a loop. */
    private static final int MAX_ALIASES = 8;

    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private final DatagramSocket socket;

    private TestDnsServer(DatagramSocket socket) {
        this.socket = socket;
    }

    public static TestDnsServer start() {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            TestDnsServer server = new TestDnsServer(socket);
            Thread worker = new Thread(server::serve, "test-dns-" + socket.getLocalPort());
            worker.setDaemon(true);
            worker.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The {@code host:port} to give a resolver. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    public TestDnsServer addMx(String name, int priority, String host) {
        return add(new MXRecord(name(name), DClass.IN, TTL_SECONDS, priority, name(host)));
    }

    /** Texts longer than 255 bytes are split into several character-strings, as DNS providers publish DKIM keys. */
    public TestDnsServer addTxt(String name, String text) {
        return add(Record.newRecord(name(name), Type.TXT, DClass.IN, TTL_SECONDS, characterStrings(text)));
    }

    public TestDnsServer addCname(String name, String target) {
        return add(new CNAMERecord(name(name), DClass.IN, TTL_SECONDS, name(target)));
    }

    public TestDnsServer addA(String name, String ip) {
        return add(new ARecord(name(name), DClass.IN, TTL_SECONDS, literal(ip, Address.IPv4)));
    }

    public TestDnsServer addAaaa(String name, String ip) {
        return add(new AAAARecord(name(name), DClass.IN, TTL_SECONDS, literal(ip, Address.IPv6)));
    }

    /** Every question about {@code name} is answered SERVFAIL, as by a broken authoritative server. */
    public TestDnsServer failOn(String name) {
        failing.add(name(name));
        return this;
    }

    public void clear() {
        zone.clear();
        failing.clear();
    }

    @Override
    public void close() {
        socket.close();
    }

    private TestDnsServer add(Record record) {
        zone.computeIfAbsent(record.getName(), any -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                byte[] answer = answer(Arrays.copyOf(query.getData(), query.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
            } catch (IOException e) {
                // Either the socket was closed (the loop ends) or the query was not DNS (dropped, as servers do).
            }
        }
    }

    private byte[] answer(byte[] wire) throws IOException {
        Message query = new Message(wire);
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
        } else {
            response.addRecord(question, Section.QUESTION);
            response.getHeader().setRcode(answer(response, question.getName(), question.getType(), 0));
        }

        int maxBytes = PLAIN_UDP_MAX_BYTES;
        OPTRecord edns = query.getOPT();
        if (edns != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD_BYTES, 0, 0), Section.ADDITIONAL);
            maxBytes = Math.max(PLAIN_UDP_MAX_BYTES, Math.min(edns.getPayloadSize(), EDNS_PAYLOAD_BYTES));
        }
        // Truncates and sets TC when the answer does not fit, as a real server would.
        return response.toWire(maxBytes);
    }

    /** Fills the answer section for one name, following CNAMEs within the zone; returns the response code. */
    private int answer(Message response, Name name, int type, int aliases) {
        if (failing.contains(name)) {
            return Rcode.SERVFAIL;
        }
        List<Record> records = zone.getOrDefault(name, List.of());
        Optional<Record> alias = records.stream().filter(CNAMERecord.class::isInstance).findFirst();
        if (alias.isPresent() && type != Type.CNAME && type != Type.ANY && aliases < MAX_ALIASES) {
            response.addRecord(alias.get(), Section.ANSWER);
            Name target = ((CNAMERecord) alias.get()).getTarget();
            // The target's own absence is the resolver's business: the alias itself exists.
            answer(response, target, type, aliases + 1);
            return Rcode.NOERROR;
        }
        records.stream()
            .filter(record -> type == Type.ANY || record.getType() == type)
            .forEach(record -> response.addRecord(record, Section.ANSWER));
        return exists(name) ? Rcode.NOERROR : Rcode.NXDOMAIN;
    }

    /** A name exists when it holds records or names below it do (an "empty non-terminal" such as _domainkey). */
    private boolean exists(Name name) {
        return zone.keySet().stream().anyMatch(held -> held.subdomain(name));
    }

    private static byte[] characterStrings(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        int offset = 0;
        do {
            int length = Math.min(CHARACTER_STRING_MAX_BYTES, bytes.length - offset);
            rdata.write(length);
            rdata.write(bytes, offset, length);
            offset += length;
        } while (offset < bytes.length);
        return rdata.toByteArray();
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("Not a DNS name: " + name, e);
        }
    }

    private static InetAddress literal(String ip, int family) {
        try {
            return Address.getByAddress(ip, family);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address literal: " + ip, e);
        }
    }
}
