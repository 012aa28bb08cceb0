package io.postyard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for requests no well-behaved client sends: a body announced larger than the
 * limit (the server must answer 413 without waiting for it), or headers a client library would refuse.
 */
public final class RawHttp {
    public record Reply(int status, String raw) {
        public String body() {
            int split = raw.indexOf("\r\n\r\n");
            return split < 0 ? "" : raw.substring(split + 4);
        }
    }

    public static Reply send(String host, int port, String method, String path, Map<String, String> headers,
                             byte[] bodyStart) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", host + ":" + port);
            all.put("Connection", "close");
            all.putAll(headers);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bodyStart);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(readUntilClosed(in), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            return new Reply(status, raw);
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException e) {
            // The server may reset the connection once it has answered; what was read so far is the answer.
            throw new IOException("Connection reset before a complete answer", e);
        }
    }

    private RawHttp() {
    }
}
