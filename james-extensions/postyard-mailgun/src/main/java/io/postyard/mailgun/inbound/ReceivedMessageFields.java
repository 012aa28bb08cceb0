package io.postyard.mailgun.inbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.postyard.core.mailbox.MessageHeaders;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.core.mailbox.ParsedMessage.ParsedAttachment;
import io.postyard.http.Json;

/**
 * A received message in the fields Mailgun gives it: posted by {@code forward(url)} ("fully parsed", or
 * {@code body-mime} for a URL ending in {@code mime}), posted by {@code store(notify)} and returned by the stored
 * messages API. Every MIME header is given as a field of its own too, as Mailgun does.
 */
public final class ReceivedMessageFields {
    /** One text field. Names repeat: a header that occurs twice is posted twice. */
    public record TextField(String name, String value) {
    }

    /** A file field: {@code attachment-1}, {@code attachment-2}... */
    public record FileField(String field, String filename, String contentType, byte[] content) {
    }

    /** What one post carries. */
    public record Form(List<TextField> fields, List<FileField> files) {
        public Form {
            fields = List.copyOf(fields);
            files = List.copyOf(files);
        }
    }

    private final ReceivedMessage message;
    private final List<Map.Entry<String, String>> headers;
    private final ParsedMessage parsed;

    private ReceivedMessageFields(ReceivedMessage message) {
        this.message = message;
        this.headers = headers(message.raw());
        this.parsed = ParsedMessage.parse(message.raw());
    }

    public static ReceivedMessageFields of(ReceivedMessage message) {
        return new ReceivedMessageFields(message);
    }

    /** What {@code forward("https://...")} posts. */
    public Form parsed() {
        List<TextField> fields = envelope();
        bodies(fields);
        List<ParsedAttachment> attachments = parsed.attachments();
        fields.add(new TextField("attachment-count", Integer.toString(attachments.size())));
        fields.add(new TextField("message-headers", Json.write(headerPairs())));
        Map<String, String> contentIds = new LinkedHashMap<>();
        List<FileField> files = new ArrayList<>();
        for (ParsedAttachment attachment : attachments) {
            String field = "attachment-" + (attachment.index() + 1);
            attachment.contentId().ifPresent(id -> contentIds.put(id, field));
            files.add(new FileField(field, attachment.filename(), attachment.contentType(), attachment.content()));
        }
        fields.add(new TextField("content-id-map", Json.write(contentIds)));
        headerFields(fields);
        return new Form(fields, files);
    }

    /** What {@code forward("https://.../mime")} posts: the message as received. */
    public Form mime() {
        List<TextField> fields = envelope();
        fields.add(new TextField("body-mime", new String(message.raw(), StandardCharsets.UTF_8)));
        return new Form(fields, List.of());
    }

    /** What {@code store(notify="...")} posts: attachments are links to the stored message's parts. */
    public Form notification(String messageUrl) {
        List<TextField> fields = new ArrayList<>();
        stored(messageUrl).forEach((name, value) -> fields.add(new TextField(name, value instanceof String text ? text : Json.write(value))));
        fields.add(new TextField("message-url", messageUrl));
        return new Form(fields, List.of());
    }

    /** {@code GET /v3/domains/{d}/messages/{key}}: the headers, then Mailgun's fields, in JSON. */
    public Map<String, Object> stored(String messageUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        headers.forEach(header -> body.putIfAbsent(header.getKey(), header.getValue()));
        body.put("domain", message.domain().asString());
        body.put("recipients", message.recipient());
        envelope().forEach(field -> body.put(field.name(), field.value()));
        List<TextField> bodies = new ArrayList<>();
        bodies(bodies);
        bodies.forEach(field -> body.put(field.name(), field.value()));
        List<Map<String, Object>> attachments = new ArrayList<>();
        Map<String, String> contentIds = new LinkedHashMap<>();
        for (ParsedAttachment attachment : parsed.attachments()) {
            String url = messageUrl + "/attachments/" + attachment.index();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("size", attachment.content().length);
            view.put("url", url);
            view.put("name", attachment.filename());
            view.put("content-type", attachment.contentType());
            attachments.add(view);
            attachment.contentId().ifPresent(id -> contentIds.put(id, url));
        }
        body.put("attachments", attachments);
        body.put("message-headers", headerPairs());
        body.put("content-id-map", contentIds);
        return body;
    }

    /** The raw form of the stored message, when asked for with {@code Accept: message/rfc2822}. */
    public Map<String, Object> storedMime() {
        Map<String, Object> body = new LinkedHashMap<>();
        envelope().forEach(field -> body.put(field.name(), field.value()));
        body.put("body-mime", new String(message.raw(), StandardCharsets.UTF_8));
        return body;
    }

    public Optional<ParsedAttachment> attachment(int index) {
        return parsed.attachments().stream().filter(attachment -> attachment.index() == index).findFirst();
    }

    private List<TextField> envelope() {
        List<TextField> fields = new ArrayList<>();
        fields.add(new TextField("recipient", message.recipient()));
        fields.add(new TextField("sender", message.sender()));
        fields.add(new TextField("from", header("From").orElse("")));
        fields.add(new TextField("subject", header("Subject").orElse("")));
        return fields;
    }

    private void bodies(List<TextField> fields) {
        String plain = parsed.text().or(() -> parsed.html().map(QuotedText::textOf)).orElse("");
        QuotedText.Stripped stripped = QuotedText.text(plain);
        fields.add(new TextField("body-plain", plain));
        fields.add(new TextField("stripped-text", stripped.text()));
        stripped.signature().ifPresent(signature -> fields.add(new TextField("stripped-signature", signature)));
        parsed.html().ifPresent(html -> {
            fields.add(new TextField("body-html", html));
            fields.add(new TextField("stripped-html", QuotedText.html(html)));
        });
    }

    private void headerFields(List<TextField> fields) {
        headers.forEach(header -> fields.add(new TextField(header.getKey(), header.getValue())));
    }

    private List<List<String>> headerPairs() {
        return headers.stream().map(header -> List.of(header.getKey(), header.getValue())).toList();
    }

    private Optional<String> header(String name) {
        return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** Mailgun writes header names with each word capitalized: {@code Message-Id}, {@code Mime-Version}. */
    private static String mailgunName(String name) {
        StringBuilder result = new StringBuilder(name.length());
        boolean wordStart = true;
        for (char c : name.toCharArray()) {
            result.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
            wordStart = c == '-';
        }
        return result.toString();
    }

    /** The top-level headers in order, named as Mailgun names them. */
    private static List<Map.Entry<String, String>> headers(byte[] raw) {
        return MessageHeaders.of(raw).stream().map(header -> Map.entry(mailgunName(header.getKey()), header.getValue())).toList();
    }
}
