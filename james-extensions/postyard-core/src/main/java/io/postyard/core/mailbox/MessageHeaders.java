package io.postyard.core.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/** A message's top-level headers in order, unfolded and with encoded words decoded, read permissively with mime4j. */
public final class MessageHeaders {
    public static List<Map.Entry<String, String>> of(byte[] raw) {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        try {
            Message message = builder.parseMessage(new ByteArrayInputStream(raw));
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (Field field : message.getHeader().getFields()) {
                String value = field.getBody() == null ? "" : field.getBody().replaceAll("\r?\n(?=[ \t])", "").strip();
                headers.add(Map.entry(field.getName(), DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT)));
            }
            return headers;
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable message", e);
        }
    }

    private MessageHeaders() {
    }
}
