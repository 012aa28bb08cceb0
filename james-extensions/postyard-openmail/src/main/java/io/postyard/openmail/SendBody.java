package io.postyard.openmail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.mail.internet.InternetAddress;

import org.apache.james.core.MailAddress;

import io.postyard.core.sending.AttachedFile;
import io.postyard.http.AddressFields;
import io.postyard.http.JsonAttachments;
import io.postyard.http.JsonBody;

/**
 * The body of {@code POST /v1/inboxes/{id}/send}: {@code to} (one address, a comma-separated list or an array),
 * {@code subject}, {@code body} (text), and optionally {@code html}, {@code cc}, {@code bcc}, {@code threadId} and
 * {@code attachments} ({@code [{filename, content: base64, contentType?}]}).
 */
record SendBody(List<InternetAddress> to, List<InternetAddress> cc, List<InternetAddress> bcc, Optional<String> subject,
                String text, Optional<String> html, Optional<String> threadId, List<AttachedFile> attachments) {
    static final int MAX_RECIPIENTS = 100;
    private static final int MAX_SUBJECT = 998;

    SendBody {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        attachments = List.copyOf(attachments);
    }

    static SendBody parse(JsonBody body) {
        List<InternetAddress> to = addresses(body, "to");
        List<InternetAddress> cc = addresses(body, "cc");
        List<InternetAddress> bcc = addresses(body, "bcc");
        if (to.isEmpty()) {
            throw JsonBody.invalid("to", "to is required: at least one recipient", "missing recipient");
        }
        if (to.size() + cc.size() + bcc.size() > MAX_RECIPIENTS) {
            throw JsonBody.invalid("to", "At most " + MAX_RECIPIENTS + " recipients in to, cc and bcc together", "too many recipients");
        }
        Optional<String> threadId = body.string("threadId").filter(value -> !value.isBlank());
        Optional<String> subject = body.string("subject").filter(value -> !value.isBlank());
        subject.ifPresent(SendBody::checkSubject);
        if (subject.isEmpty() && threadId.isEmpty()) {
            throw JsonBody.invalid("subject", "subject is required (it may be left out only in a thread)", "missing subject");
        }
        String text = body.string("body")
            .orElseThrow(() -> JsonBody.invalid("body", "body (the text of the message) is required", "missing body"));
        List<AttachedFile> attachments = body.objects("attachments").stream()
            .map(node -> JsonAttachments.file(node, "attachments", "contentType")).toList();
        return new SendBody(to, cc, bcc, subject, text, body.string("html"), threadId, attachments);
    }

    /** Every recipient once, to first, then cc and bcc. */
    List<MailAddress> recipients() {
        List<MailAddress> recipients = new ArrayList<>();
        for (List<InternetAddress> field : List.of(to, cc, bcc)) {
            field.stream().map(address -> AddressFields.mailAddress(address, "to")).filter(address -> !recipients.contains(address))
                .forEach(recipients::add);
        }
        return recipients;
    }

    private static List<InternetAddress> addresses(JsonBody body, String field) {
        return AddressFields.addresses(body.strings(field).orElse(List.of()), field);
    }

    private static void checkSubject(String subject) {
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw JsonBody.invalid("subject", "subject must not contain CR or LF", "invalid subject");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw JsonBody.invalid("subject", "subject must be at most " + MAX_SUBJECT + " characters", "invalid subject");
        }
    }
}
