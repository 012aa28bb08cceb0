package io.postyard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A real HTTP client (the JDK's) for the public API or WebAdmin, with the body encodings the providers' SDKs use. */
public class HttpApi {
    public record TestFile(String field, String filename, String contentType, byte[] content) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String baseUrl;

    public HttpApi(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    /** With a client of the caller's, such as one trusting a test certificate for an {@code https} base URL. */
    public HttpApi(String baseUrl, HttpClient client) {
        this.baseUrl = baseUrl;
        this.client = client;
    }

    /** {@code path} is relative to the base URL, or an absolute URL such as a paging link. */
    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    public Call put(String path) {
        return call("PUT", path);
    }

    public Call delete(String path) {
        return call("DELETE", path);
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call basicAuth(String user, String password) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return header("Authorization", "Basic " + token);
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call form(Map<String, String> fields) {
            String encoded = fields.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
            return raw("application/x-www-form-urlencoded", encoded.getBytes(StandardCharsets.UTF_8));
        }

        public Call multipart(Map<String, String> fields) {
            return multipart(fields, Map.of());
        }

        /** A multipart form with files, each given as field name to (file name, content). */
        public Call multipart(Map<String, String> fields, Map<String, Map.Entry<String, byte[]>> files) {
            return multipart(List.copyOf(fields.entrySet()), files.entrySet().stream()
                .map(file -> new TestFile(file.getKey(), file.getValue().getKey(), "application/octet-stream", file.getValue().getValue()))
                .toList());
        }

        /** A multipart form whose fields and files may repeat, as SDKs send several {@code to} or {@code attachment}. */
        public Call multipart(List<Map.Entry<String, String>> fields, List<TestFile> files) {
            String boundary = "----postyard" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach(field -> write(out, "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n"));
            files.forEach(file -> {
                write(out, "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + file.field() + "\"; filename=\"" + file.filename() + "\"\r\n"
                    + "Content-Type: " + file.contentType() + "\r\n\r\n");
                out.write(file.content(), 0, file.content().length);
                write(out, "\r\n");
            });
            write(out, "--" + boundary + "--\r\n");
            return raw("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        public Call json(String json) {
            return raw("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Call raw(String contentType, byte[] content) {
            headers.put("Content-Type", contentType);
            this.body = content;
            return this;
        }

        public ApiResponse send() {
            URI uri = URI.create(path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            SuiteSecrets.recordRequest(headers, headers.get("Content-Type"), body);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                SuiteSecrets.recordResponse(response.body());
                return new ApiResponse(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void write(ByteArrayOutputStream out, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        }
    }
}
