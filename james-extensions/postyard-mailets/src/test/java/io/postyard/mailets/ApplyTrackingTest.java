package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.domain.DomainState;
import io.postyard.core.sending.OutboundMetadata;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.tracking.ClickTracking;
import io.postyard.core.tracking.TrackingSettings;
import io.postyard.core.tracking.TrackingToken;
import io.postyard.core.tracking.TrackingTokens;

class ApplyTrackingTest {
    private static final String BASE = "https://track.test/t";
    private static final String HTML = """
        From: news@sender.test
        To: reader@far.example
        Subject: Sale
        Message-ID: <msg-1@sender.test>
        MIME-Version: 1.0
        Content-Type: text/html; charset=UTF-8

        <html><body><p><a href="https://shop.example/sale">Sale</a> <a href="mailto:help@sender.test">Help</a></p></body></html>
        """;

    private final TestDomains domains = new TestDomains();
    private final TrackingTokens tokens = new TrackingTokens("tracking-secret".getBytes(StandardCharsets.UTF_8));
    private final FakeMailContext context = FakeMailContext.defaultContext();
    private final ApplyTracking mailet = new ApplyTracking(domains.service, tokens,
        PostyardSettings.defaults().with(Setting.PUBLIC_URL, "https://track.test/"));

    @BeforeEach
    void setUp() throws MessagingException {
        domains.add(TestMails.DOMAIN, DomainState.ACTIVE, TrackingSettings.DEFAULT.withOpen(true).withClick(ClickTracking.ON));
        mailet.init(FakeMailetConfig.builder().mailetName("ApplyTracking").mailetContext(context)
            .setProperty("nextProcessor", "tracked").build());
    }

    private FakeMail htmlMail(OutboundMetadata metadata) throws MessagingException {
        FakeMail mail = TestMails.mail(TestMails.message(HTML), "reader@far.example");
        mail.setAttribute(metadata.asAttribute());
        return mail;
    }

    /** The signed token at the end of a tracking URL of the given kind ({@code o}, {@code c}, {@code u}). */
    private TrackingToken token(String url, String kind) {
        assertThat(url).startsWith(BASE + "/" + kind + "/");
        return tokens.verify(url.substring((BASE + "/" + kind + "/").length())).orElseThrow();
    }

    private TrackingToken unsubscribeToken(MimeMessage message) throws MessagingException {
        String header = message.getHeader("List-Unsubscribe", null);
        assertThat(header).startsWith("<").endsWith(">");
        return token(header.substring(1, header.length() - 1), "u");
    }

    private static Document html(MimeMessage message) throws Exception {
        return Jsoup.parse((String) message.getContent());
    }

    @Test
    void linksBecomeSignedClickUrlsAndAnOpenPixelAndOneClickUnsubscribeAreAdded() throws Exception {
        FakeMail mail = htmlMail(TestMails.metadata().build());

        mailet.service(mail);

        Document html = html(mail.getMessage());
        TrackingToken click = token(html.select("a").get(0).attr("href"), "c");
        assertThat(click.kind()).isEqualTo(TrackingToken.Kind.CLICK);
        assertThat(click.url()).contains("https://shop.example/sale");
        assertThat(click.recipient()).isEqualTo("reader@far.example");
        assertThat(click.messageId()).isEqualTo(TestMails.MESSAGE_ID);
        assertThat(html.select("a").get(1).attr("href")).isEqualTo("mailto:help@sender.test");
        assertThat(token(html.select("img").attr("src"), "o").kind()).isEqualTo(TrackingToken.Kind.OPEN);
        assertThat(unsubscribeToken(mail.getMessage()).kind()).isEqualTo(TrackingToken.Kind.UNSUBSCRIBE);
        assertThat(mail.getMessage().getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
    }

    @Test
    void perMessageTrackingOffLeavesLinksAloneAndAddsNoPixel() throws Exception {
        FakeMail mail = htmlMail(TestMails.metadata().trackOpens(Optional.of(false)).trackClicks(Optional.of(false)).build());

        mailet.service(mail);

        Document html = html(mail.getMessage());
        assertThat(html.select("a").get(0).attr("href")).isEqualTo("https://shop.example/sale");
        assertThat(html.select("img")).isEmpty();
        assertThat(unsubscribeToken(mail.getMessage()).recipient()).isEqualTo("reader@far.example");
    }

    @Test
    void theUnsubscribePlaceholderAndFooterAreFilledInInPlainText() throws Exception {
        domains.add(TestMails.DOMAIN, DomainState.ACTIVE, TrackingSettings.DEFAULT.withUnsubscribe(true,
            TrackingSettings.DEFAULT_HTML_FOOTER, TrackingSettings.DEFAULT_TEXT_FOOTER));
        FakeMail mail = TestMails.mail(TestMails.message("""
            From: news@sender.test
            To: reader@far.example
            Subject: Plain
            Message-ID: <msg-1@sender.test>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8

            Leave the list: %unsubscribe_url%
            """), "reader@far.example");
        mail.setAttribute(TestMails.metadata().build().asAttribute());

        mailet.service(mail);

        String text = (String) mail.getMessage().getContent();
        assertThat(text).doesNotContain("%unsubscribe_url%").contains("To unsubscribe click: <" + BASE + "/u/");
        // One link where the placeholder was, one in the footer.
        assertThat(Pattern.compile(Pattern.quote(BASE + "/u/")).matcher(text).results().count()).isEqualTo(2);
    }

    /**
     * A {@link MailImpl} rather than a FakeMail: splitting relies on {@code duplicate()} copying the message, which
     * James's mails do and FakeMail's do not.
     */
    @Test
    void aMessageToSeveralRecipientsIsSplitIntoOneMailEachWithItsOwnLinks() throws Exception {
        MailImpl mail = MailImpl.builder().name("split")
            .sender("news@sender.test")
            .addRecipients("one@far.example", "two@far.example")
            .mimeMessage(TestMails.message(HTML))
            .addAttribute(TestMails.metadata().build().asAttribute())
            .state(Mail.DEFAULT)
            .build();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        List<FakeMailContext.SentMail> sent = context.getSentMails();
        assertThat(sent).hasSize(2).allSatisfy(copy -> assertThat(copy.getState()).isEqualTo("tracked"));
        for (FakeMailContext.SentMail copy : sent) {
            String recipient = TestMails.addresses(copy.getRecipients()).get(0);
            assertThat(copy.getRecipients()).hasSize(1);
            assertThat(unsubscribeToken(copy.getMsg()).recipient()).isEqualTo(recipient);
            assertThat(token(html(copy.getMsg()).select("a").get(0).attr("href"), "c").recipient()).isEqualTo(recipient);
            assertThat(html(copy.getMsg()).select("img")).hasSize(1);
        }
        assertThat(sent).extracting(copy -> TestMails.addresses(copy.getRecipients()).get(0))
            .containsExactlyInAnyOrder("one@far.example", "two@far.example");
    }

    @Test
    void withoutANextProcessorTheMailetRefusesToStart() {
        ApplyTracking unconfigured = new ApplyTracking(domains.service, tokens, PostyardSettings.defaults());

        assertThatThrownBy(() -> unconfigured.init(FakeMailetConfig.builder().mailetName("ApplyTracking")
            .mailetContext(context).build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("nextProcessor");
    }
}
