package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.dkim.DkimKey;
import io.postyard.core.dkim.DkimKeyGenerator;
import io.postyard.core.domain.DomainState;

class SignWithDomainDkimTest {
    /** One key for the class: generating a 2048-bit RSA key takes a noticeable moment. */
    private static DkimKey key;

    private final TestDomains domains = new TestDomains();
    private final SignWithDomainDkim mailet = new SignWithDomainDkim(domains.service);

    @BeforeAll
    static void generateKey() {
        key = new DkimKeyGenerator(Clock.systemUTC()).generate(Domain.of(TestMails.DOMAIN));
    }

    @BeforeEach
    void setUp() throws Exception {
        domains.add(TestMails.DOMAIN, DomainState.ACTIVE);
        domains.dkimKeys.put(key);
        mailet.init(FakeMailetConfig.builder().mailetName("SignWithDomainDkim").mailetContext(FakeMailContext.defaultContext()).build());
    }

    /** Checks the signature as a receiver would, with the public key the domain publishes in DNS. */
    private static List<SignatureRecord> verify(MimeMessage message) throws Exception {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) ->
            selector.toString().equals(key.selector()) && domain.toString().equals(TestMails.DOMAIN)
                ? List.of(key.recordValue())
                : List.of());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return verifier.verify(new ByteArrayInputStream(raw.toByteArray()));
    }

    @Test
    void outgoingMailIsSignedOnTopWithItsDomainsKeyAndTheSignatureVerifies() throws Exception {
        FakeMail mail = TestMails.outbound("reader@far.example");

        mailet.service(mail);

        MimeMessage message = mail.getMessage();
        String signature = message.getHeader("DKIM-Signature", null);
        assertThat(signature).contains("d=" + TestMails.DOMAIN).contains("s=" + key.selector()).contains("a=rsa-sha256");
        assertThat(Collections.list(message.getAllHeaderLines()).get(0)).startsWith("DKIM-Signature:");
        assertThat(message.getSubject()).isEqualTo("Hello");
        assertThat(verify(message)).singleElement()
            .satisfies(record -> assertThat(record.getDToken().toString()).isEqualTo(TestMails.DOMAIN));
    }

    @Test
    void anUndatedMessageIsDatedBeforeItIsSignedSoTheSignatureStillVerifiesOnceWritten() throws Exception {
        FakeMail mail = TestMails.mail(TestMails.message("""
            From: news@sender.test
            To: reader@far.example
            Subject: Hello
            Message-ID: <undated@sender.test>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8

            hello
            """), "reader@far.example");
        mail.setAttribute(TestMails.metadata().build().asAttribute());

        mailet.service(mail);
        mail.getMessage().saveChanges();

        assertThat(mail.getMessage().getHeader("Date")).isNotNull();
        assertThat(verify(mail.getMessage())).hasSize(1);
    }

    @Test
    void aMessageSentWithDkimOffIsLeftUnsigned() throws Exception {
        FakeMail mail = TestMails.outbound(TestMails.metadata().dkim(Optional.of(false)).build(), "reader@far.example");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("DKIM-Signature")).isNull();
    }

    @Test
    void mailWithoutMetadataOrFromADomainWithoutAKeyIsLeftUnsigned() throws Exception {
        domains.dkimKeys.delete(Domain.of(TestMails.DOMAIN));
        FakeMail keyless = TestMails.outbound("reader@far.example");
        FakeMail inbound = TestMails.mail(TestMails.plainMessage(), "reader@sender.test");

        mailet.service(keyless);
        mailet.service(inbound);

        assertThat(keyless.getMessage().getHeader("DKIM-Signature")).isNull();
        assertThat(inbound.getMessage().getHeader("DKIM-Signature")).isNull();
    }
}
