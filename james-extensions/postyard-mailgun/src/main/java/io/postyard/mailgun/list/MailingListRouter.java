package io.postyard.mailgun.list;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimePart;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.domain.DomainLocality;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.inbound.InboundRouter;
import io.postyard.core.sending.OutboundMessages;
import io.postyard.core.sending.OutboundMetadata;
import io.postyard.core.sending.PresetMessageIdMimeMessage;
import io.postyard.core.sending.SenderIdentity;
import io.postyard.core.sending.SendingService;
import io.postyard.core.sending.Submission;
import io.postyard.http.Json;
import io.postyard.mailgun.RecipientVariables;
import io.postyard.mailgun.inbound.ReceivedMessageSender;
import io.postyard.mailgun.inbound.RouteHops;

/**
 * Mail to a mailing list's address, sent through the API or received over SMTP, goes to each subscribed member as a
 * message of its own through the one submission path: {@code %recipient.x%} filled from the member's variables, the
 * author kept, {@code Reply-To} the list (or the author, as the list prefers), {@code List-Id} and the list in the
 * copy's metadata (its events name the list, its unsubscribe link is the list's). Who may post is the list's access
 * level: its owner only (mail the account sent), its members (by the From address), or anyone; a refused post bounces.
 */
public class MailingListRouter implements InboundRouter {
    private static final Logger LOGGER = LoggerFactory.getLogger(MailingListRouter.class);

    private final MailingListService lists;
    private final DomainService domains;
    private final DomainLocality locality;
    private final SendingService sending;

    @Inject
    public MailingListRouter(MailingListService lists, DomainService domains, DomainLocality locality, SendingService sending) {
        this.lists = lists;
        this.domains = domains;
        this.locality = locality;
        this.sending = sending;
    }

    @Override
    public boolean mayTake(MailAddress recipient) {
        return list(recipient).isPresent();
    }

    @Override
    public Routing route(Mail mail) throws MessagingException {
        if (RouteHops.exhausted(mail.getMessage())) {
            return Routing.NONE;
        }
        Set<MailAddress> taken = new LinkedHashSet<>();
        Map<MailAddress, String> refused = new LinkedHashMap<>();
        for (MailAddress recipient : mail.getRecipients()) {
            Optional<MailingList> list = list(recipient);
            if (list.isEmpty()) {
                continue;
            }
            Optional<String> refusal = refusal(list.get(), mail);
            if (refusal.isPresent()) {
                LOGGER.info("Mailing list {} refused a post from {}: {}", list.get().address(), mail.getMaybeSender().asString(), refusal.get());
                refused.put(recipient, refusal.get());
            } else {
                expand(list.get(), mail);
                taken.add(recipient);
            }
        }
        return new Routing(taken, refused);
    }

    private Optional<MailingList> list(MailAddress recipient) {
        return lists.byAddress(recipient.asString())
            .filter(list -> domains.find(Domain.of(recipient.getDomain().asString())).filter(locality::isLocal).isPresent());
    }

    private Optional<String> refusal(MailingList list, Mail mail) throws MessagingException {
        boolean owner = OutboundMetadata.of(mail).filter(metadata -> metadata.account().equals(list.account().value())).isPresent();
        return switch (list.accessLevel()) {
            case EVERYONE -> Optional.empty();
            case READONLY -> owner ? Optional.empty() : Optional.of("Only the owner of " + list.address() + " may post to it");
            case MEMBERS -> owner || isMember(list, ReceivedMessageSender.authors(mail.getMessage())) ? Optional.empty()
                : Optional.of("Only members of " + list.address() + " may post to it");
        };
    }

    private boolean isMember(MailingList list, List<MailAddress> authors) {
        return authors.stream().anyMatch(author -> lists.member(list, author.asString()).filter(ListMember::subscribed).isPresent());
    }

    private void expand(MailingList list, Mail mail) throws MessagingException {
        MimeMessage original = mail.getMessage();
        byte[] raw = OutboundMessages.bytes(original);
        List<MailAddress> authors = ReceivedMessageSender.authors(original);
        Optional<OutboundMetadata> metadata = OutboundMetadata.of(mail);
        MailDomain domain = sending.sendingDomain(list.account(), Domain.of(list.address().substring(list.address().indexOf('@') + 1)));
        String messageId = sending.ownOrNewMessageId(original, domain.name());
        Iterator<ListMember> members = lists.members(list.address(), Optional.of(true));
        while (members.hasNext()) {
            ListMember member = members.next();
            MimeMessage copy = personalized(raw, list, member);
            Submission.Builder submission = Submission.builder(list.account(), domain, SenderIdentity.receivedFrom(authors), copy, messageId)
                .recipients(List.of(new MailAddress(member.address())))
                .mailingList(list.address());
            metadata.ifPresent(options -> submission.tags(options.tags())
                .variables(options.variables())
                .testMode(options.testMode())
                .tracking(options.trackOpens(), options.trackClicks())
                .dkim(options.dkim()));
            sending.submit(submission.build());
        }
    }

    private static MimeMessage personalized(byte[] raw, MailingList list, ListMember member) throws MessagingException {
        MimeMessage copy = new PresetMessageIdMimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        Map<String, String> vars = vars(member);
        Optional.ofNullable(copy.getSubject()).ifPresent(subject -> {
            try {
                copy.setSubject(RecipientVariables.substitute(subject, vars), "UTF-8");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            substitute(copy, vars);
        } catch (IOException e) {
            throw new MessagingException("Cannot read the list message", e);
        }
        RouteHops.count(copy);
        copy.removeHeader("Return-Path");
        copy.removeHeader("Delivered-To");
        copy.setHeader("List-Id", "<" + list.address().replace('@', '.') + ">");
        copy.setHeader("List-Post", "<mailto:" + list.address() + ">");
        if (list.replyPreference() == MailingList.ReplyPreference.LIST) {
            copy.setHeader("Reply-To", list.address());
        }
        copy.saveChanges();
        return copy;
    }

    private static void substitute(Part part, Map<String, String> vars) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                substitute(child, vars);
            }
            part.setContent(multipart);
        } else if ((part.isMimeType("text/plain") || part.isMimeType("text/html")) && part instanceof MimePart mimePart
            && part.getContent() instanceof String text && text.contains("%recipient.")) {
            mimePart.setText(RecipientVariables.substitute(text, vars), "UTF-8", part.isMimeType("text/html") ? "html" : "plain");
        }
    }

    /** A member's variables as text: strings as they are, other JSON values written as JSON. */
    private static Map<String, String> vars(ListMember member) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode node = Json.MAPPER.readTree(member.vars());
            node.fields().forEachRemaining(field -> values.put(field.getKey(),
                field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        } catch (JsonProcessingException e) {
            // Checked when the member was saved; nothing to fill in otherwise.
        }
        return values;
    }
}
