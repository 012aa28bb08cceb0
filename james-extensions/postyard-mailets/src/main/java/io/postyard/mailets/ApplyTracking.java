package io.postyard.mailets;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimePart;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.postyard.core.domain.DomainService;
import io.postyard.core.sending.OutboundMetadata;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.tracking.ClickTracking;
import io.postyard.core.tracking.TrackingSettings;
import io.postyard.core.tracking.TrackingToken;
import io.postyard.core.tracking.TrackingTokens;

/**
 * Makes each recipient's copy trackable: the {@code List-Unsubscribe} headers of RFC 8058, the
 * {@code %unsubscribe_url%}, {@code %tag_unsubscribe_url%} and {@code %mailing_list_unsubscribe_url%} placeholders and footer, links rewritten with jsoup to signed click URLs, and the open
 * pixel, as the domain's settings and the message's {@code o:tracking} options say. Links are per recipient, so a
 * message to several recipients is split into one mail each, sent on to {@code nextProcessor}.
 */
public class ApplyTracking extends GenericMailet {
    private static final String UNSUBSCRIBE_URL = "%unsubscribe_url%";
    private static final String TAG_UNSUBSCRIBE_URL = "%tag_unsubscribe_url%";
    private static final String LIST_UNSUBSCRIBE_URL = "%mailing_list_unsubscribe_url%";

    private final DomainService domains;
    private final TrackingTokens tokens;
    private final String baseUrl;
    private String nextProcessor;

    @Inject
    public ApplyTracking(DomainService domains, TrackingTokens tokens, PostyardSettings settings) {
        this.domains = domains;
        this.tokens = tokens;
        this.baseUrl = settings.publicUrl() + "/t";
    }

    @Override
    public void init() throws MessagingException {
        nextProcessor = getInitParameter("nextProcessor");
        if (nextProcessor == null) {
            throw new MessagingException("ApplyTracking needs a nextProcessor");
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<OutboundMetadata> metadata = OutboundMetadata.of(mail);
        if (metadata.isEmpty()) {
            return;
        }
        TrackingSettings settings = domains.find(Domain.of(metadata.get().domain()))
            .map(domain -> domain.tracking())
            .orElse(TrackingSettings.DEFAULT);
        List<MailAddress> recipients = List.copyOf(mail.getRecipients());
        if (recipients.size() == 1) {
            rewrite(mail.getMessage(), metadata.get(), settings, recipients.get(0));
            return;
        }
        for (MailAddress recipient : recipients) {
            Mail copy = mail.duplicate();
            try {
                copy.setRecipients(List.of(recipient));
                rewrite(copy.getMessage(), metadata.get(), settings, recipient);
                getMailetContext().sendMail(copy, nextProcessor);
            } finally {
                org.apache.james.lifecycle.api.LifecycleUtil.dispose(copy);
            }
        }
        mail.setState(Mail.GHOST);
    }

    private void rewrite(MimeMessage message, OutboundMetadata metadata, TrackingSettings settings, MailAddress recipient)
            throws MessagingException {
        boolean opens = metadata.trackOpens().orElse(settings.open());
        ClickTracking clicks = metadata.trackClicks()
            .map(on -> on ? (settings.click() == ClickTracking.HTML_ONLY ? ClickTracking.HTML_ONLY : ClickTracking.ON) : ClickTracking.OFF)
            .orElse(settings.click());
        Links links = new Links(metadata, recipient);
        // A list's mail is unsubscribed from the list (RFC 2369), not from everything the domain sends.
        message.setHeader("List-Unsubscribe", "<" + (metadata.mailingList().isPresent() ? links.listUnsubscribe() : links.unsubscribe()) + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        try {
            rewritePart(message, links, settings, opens, clicks);
        } catch (IOException e) {
            throw new MessagingException("Cannot rewrite the message for tracking", e);
        }
        message.saveChanges();
    }

    private void rewritePart(Part part, Links links, TrackingSettings settings, boolean opens, ClickTracking clicks)
            throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                rewritePart(child, links, settings, opens, clicks);
            }
            if (part instanceof MimeMessage message) {
                message.setContent(multipart);
            } else {
                part.setContent(multipart);
            }
        } else if (part.isMimeType("text/html") && part instanceof MimePart mimePart) {
            String html = links.replacePlaceholders((String) part.getContent());
            mimePart.setText(html(html, links, settings, opens, clicks), "UTF-8", "html");
        } else if (part.isMimeType("text/plain") && part instanceof MimePart mimePart) {
            String text = links.replacePlaceholders((String) part.getContent());
            if (settings.unsubscribe()) {
                text = text + links.replacePlaceholders(settings.unsubscribeTextFooter());
            }
            mimePart.setText(text, "UTF-8", "plain");
        }
    }

    private String html(String html, Links links, TrackingSettings settings, boolean opens, ClickTracking clicks) {
        String withFooter = settings.unsubscribe() ? appendBeforeBodyEnd(html, links.replacePlaceholders(settings.unsubscribeHtmlFooter())) : html;
        if (!opens && clicks == ClickTracking.OFF) {
            return withFooter;
        }
        Document document = Jsoup.parse(withFooter);
        document.outputSettings().prettyPrint(false);
        if (clicks != ClickTracking.OFF) {
            for (Element anchor : document.select("a[href]")) {
                String target = anchor.attr("href").trim();
                if ((target.startsWith("http://") || target.startsWith("https://")) && !target.startsWith(baseUrl)) {
                    anchor.attr("href", links.click(target));
                }
            }
        }
        if (opens) {
            document.body().appendElement("img")
                .attr("src", links.open())
                .attr("width", "1").attr("height", "1").attr("alt", "")
                .attr("style", "display:block;width:1px;height:1px;border:0");
        }
        return document.outerHtml();
    }

    private static String appendBeforeBodyEnd(String html, String footer) {
        int end = html.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
    }

    /** This recipient's signed URLs. */
    private final class Links {
        private final OutboundMetadata metadata;
        private final MailAddress recipient;

        private Links(OutboundMetadata metadata, MailAddress recipient) {
            this.metadata = metadata;
            this.recipient = recipient;
        }

        private TrackingToken token(TrackingToken.Kind kind, Optional<String> url, Optional<String> tag) {
            return new TrackingToken(kind, metadata.account(), metadata.domain(), metadata.messageId(), recipient.asString(), url, tag);
        }

        String open() {
            return baseUrl + "/o/" + tokens.sign(token(TrackingToken.Kind.OPEN, Optional.empty(), Optional.empty()));
        }

        String click(String url) {
            return baseUrl + "/c/" + tokens.sign(token(TrackingToken.Kind.CLICK, Optional.of(url), Optional.empty()));
        }

        String unsubscribe() {
            return baseUrl + "/u/" + tokens.sign(token(TrackingToken.Kind.UNSUBSCRIBE, Optional.empty(), Optional.empty()));
        }

        String listUnsubscribe() {
            return metadata.mailingList()
                .map(list -> baseUrl + "/u/" + tokens.sign(new TrackingToken(TrackingToken.Kind.UNSUBSCRIBE, metadata.account(),
                    metadata.domain(), metadata.messageId(), recipient.asString(), Optional.empty(), Optional.empty(), Optional.of(list))))
                .orElseGet(this::unsubscribe);
        }

        String tagUnsubscribe() {
            Optional<String> tag = metadata.tags().stream().findFirst();
            return tag.isEmpty() ? unsubscribe()
                : baseUrl + "/u/" + tokens.sign(token(TrackingToken.Kind.UNSUBSCRIBE, Optional.empty(), tag));
        }

        String replacePlaceholders(String text) {
            String result = text;
            if (result.contains(UNSUBSCRIBE_URL)) {
                result = result.replace(UNSUBSCRIBE_URL, unsubscribe());
            }
            if (result.contains(TAG_UNSUBSCRIBE_URL)) {
                result = result.replace(TAG_UNSUBSCRIBE_URL, tagUnsubscribe());
            }
            if (result.contains(LIST_UNSUBSCRIBE_URL)) {
                result = result.replace(LIST_UNSUBSCRIBE_URL, listUnsubscribe());
            }
            return result;
        }
    }
}
