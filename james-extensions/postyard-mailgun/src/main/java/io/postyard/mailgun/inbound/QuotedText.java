package io.postyard.mailgun.inbound;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Mailgun's {@code stripped-text}, {@code stripped-signature} and {@code stripped-html}: the reply without the message
 * it quotes and without its signature. Heuristics, as Mailgun's are: the quote starts at an attribution line ("On ...
 * wrote:"), an "Original Message" separator or the first line quoted with {@code >}; the signature follows the last
 * {@code "-- "} line; in HTML, quotes are blockquotes and the quote containers of Gmail, Outlook and Apple Mail.
 */
final class QuotedText {
    private static final List<Pattern> QUOTE_STARTS = List.of(
        Pattern.compile("^\\s*On\\b.{0,300}\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^\\s*-{2,}\\s*Original Message\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^\\s*-{2,}\\s*Forwarded message\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^\\s*>"));
    private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^--\\s?$");
    private static final String LINE_BREAK_MARK = "\\n";
    private static final String HTML_QUOTES = "blockquote, .gmail_quote, .gmail_extra, #divRplyFwdMsg, #appendonsend, "
        + "div[type=cite], .moz-cite-prefix, .yahoo_quoted";

    /** The reply's own text and its signature, if it has one. */
    record Stripped(String text, Optional<String> signature) {
    }

    static Stripped text(String body) {
        String[] lines = body.replace("\r\n", "\n").split("\n", -1);
        int end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (QUOTE_STARTS.stream().anyMatch(pattern -> pattern.matcher(line).find())) {
                end = i;
                break;
            }
        }
        int signature = -1;
        for (int i = end - 1; i >= 0; i--) {
            if (SIGNATURE_DELIMITER.matcher(lines[i]).matches()) {
                signature = i;
                break;
            }
        }
        if (signature < 0) {
            return new Stripped(join(lines, 0, end).strip(), Optional.empty());
        }
        return new Stripped(join(lines, 0, signature).strip(),
            Optional.of(join(lines, signature + 1, end).strip()).filter(text -> !text.isEmpty()));
    }

    static String html(String html) {
        Document document = Jsoup.parse(html);
        document.select(HTML_QUOTES).remove();
        return document.outerHtml();
    }

    /** What Mailgun gives as {@code body-plain} for a message with an HTML body only. */
    static String textOf(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        // text() folds all white space; marked line breaks survive it and become real ones after.
        document.select("br").after(LINE_BREAK_MARK);
        document.select("p, div, tr, h1, h2, h3, h4, h5, h6, li").before(LINE_BREAK_MARK);
        return document.text().replace(LINE_BREAK_MARK, "\n").replaceAll("[ \t]*\n[ \t]*", "\n")
            .replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String join(String[] lines, int from, int to) {
        return String.join("\n", Arrays.copyOfRange(lines, from, Math.max(from, to)));
    }

    private QuotedText() {
    }
}
