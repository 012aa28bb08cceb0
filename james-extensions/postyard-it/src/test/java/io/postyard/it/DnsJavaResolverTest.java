package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import io.postyard.core.dns.DnsJavaResolver;
import io.postyard.core.dns.DnsLookupException;
import io.postyard.core.dns.DnsResolver;
import io.postyard.core.dns.MxRecord;
import io.postyard.testing.TestDnsServer;

/** The resolver against a real DNS server on the wire; James is not started. */
class DnsJavaResolverTest {
    private static TestDnsServer dns;
    private static DnsResolver resolver;

    @BeforeAll
    static void startDns() {
        dns = TestDnsServer.start();
        resolver = new DnsJavaResolver(List.of(dns.address()));
    }

    @AfterEach
    void clearZone() {
        dns.clear();
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @Test
    void mxRecordsComeBackLowestPreferenceFirst() {
        dns.addMx("example.test", 20, "backup.example.test")
            .addMx("example.test", 10, "MX.Example.Test");

        assertThat(resolver.mx("example.test")).containsExactly(
            new MxRecord("mx.example.test", 10),
            new MxRecord("backup.example.test", 20));
    }

    @Test
    void aNullMxIsRecognised() {
        dns.addMx("nomail.test", 0, ".");

        assertThat(resolver.mx("nomail.test")).singleElement().satisfies(mx -> assertThat(mx.isNullMx()).isTrue());
    }

    @Test
    void aNameWithATrailingDotIsTheSameName() {
        dns.addMx("example.test", 10, "mx.example.test");

        assertThat(resolver.mx("example.test.")).containsExactly(new MxRecord("mx.example.test", 10));
    }

    @Test
    void txtRecordsComeBackOneStringEach() {
        dns.addTxt("example.test", "v=spf1 a ~all")
            .addTxt("example.test", "google-site-verification=abc");

        assertThat(resolver.txt("example.test"))
            .containsExactlyInAnyOrder("v=spf1 a ~all", "google-site-verification=abc");
    }

    @Test
    void aTxtRecordLongerThan255BytesIsJoinedBack() {
        String dkim = "v=DKIM1; k=rsa; p=" + "A".repeat(582);
        dns.addTxt("s1._domainkey.example.test", dkim);

        assertThat(dkim).hasSize(600);
        assertThat(resolver.txt("s1._domainkey.example.test")).containsExactly(dkim);
    }

    @Test
    void theTestServerPublishesALongTextAsSeveralCharacterStrings() throws Exception {
        dns.addTxt("example.test", "x".repeat(600));

        Lookup lookup = new Lookup(Name.fromString("example.test."), Type.TXT);
        lookup.setResolver(new SimpleResolver(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), dns.port())));
        lookup.setCache(null);
        Record[] answers = lookup.run();

        assertThat(answers).singleElement()
            .satisfies(txt -> assertThat(((TXTRecord) txt).getStrings()).extracting(String::length).containsExactly(255, 255, 90));
    }

    @Test
    void aTxtRecordKeepsQuotesBackslashesAndNonAsciiText() {
        String text = "say \"hi\" \\ to Zoë";
        dns.addTxt("example.test", text);

        assertThat(resolver.txt("example.test")).containsExactly(text);
    }

    @Test
    void theCnameTargetIsReturned() {
        dns.addCname("email.example.test", "Mailgun.Org.");

        assertThat(resolver.cname("email.example.test")).contains("mailgun.org");
    }

    @Test
    void aNameWithoutCnameHasNone() {
        dns.addA("www.example.test", "192.0.2.1");

        assertThat(resolver.cname("www.example.test")).isEmpty();
    }

    @Test
    void anARecordMeansTheNameHasAnAddress() {
        dns.addA("example.test", "192.0.2.1");

        assertThat(resolver.hasAddress("example.test")).isTrue();
    }

    @Test
    void anAaaaRecordAloneIsEnough() {
        dns.addAaaa("example.test", "2001:db8::1");

        assertThat(resolver.hasAddress("example.test")).isTrue();
    }

    @Test
    void anAddressIsFoundThroughACname() {
        dns.addCname("www.example.test", "web.example.test")
            .addA("web.example.test", "192.0.2.1");

        assertThat(resolver.hasAddress("www.example.test")).isTrue();
    }

    @Test
    void aNameWithOtherRecordsOnlyHasNoAddress() {
        dns.addMx("example.test", 10, "mx.example.test");

        assertThat(resolver.hasAddress("example.test")).isFalse();
        assertThat(resolver.txt("example.test")).isEmpty();
    }

    @Test
    void anUnknownNameGivesEmptyAnswers() {
        assertThat(resolver.mx("nowhere.test")).isEmpty();
        assertThat(resolver.txt("nowhere.test")).isEmpty();
        assertThat(resolver.cname("nowhere.test")).isEmpty();
        assertThat(resolver.hasAddress("nowhere.test")).isFalse();
    }

    @Test
    void aServerFailureIsAnErrorNotAnEmptyAnswer() {
        dns.failOn("broken.test");

        assertThatThrownBy(() -> resolver.mx("broken.test"))
            .isInstanceOf(DnsLookupException.class)
            .hasMessageContaining("broken.test");
    }

    @Test
    void aServerThatNeverAnswersIsAnError() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            DnsResolver impatient = new DnsJavaResolver(List.of("127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(400));

            assertThatThrownBy(() -> impatient.txt("example.test")).isInstanceOf(DnsLookupException.class);
        }
    }

    @Test
    void answersAreNeverServedFromACache() {
        assertThat(resolver.mx("late.test")).isEmpty();

        dns.addMx("late.test", 10, "mx.late.test");

        assertThat(resolver.mx("late.test")).containsExactly(new MxRecord("mx.late.test", 10));
    }
}
