package io.postyard.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.MultipartConfigElement;
import javax.servlet.http.Part;

import org.eclipse.jetty.http.MultiPartFormInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;

import spark.Request;

/**
 * The fields of a request, whatever way the client sent them: URL-encoded, multipart (with files) or a flat JSON
 * object, as the providers' own code samples mix all three. Query parameters come after body fields.
 */
public final class FormData {
    private static final String URL_ENCODED = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";
    private static final String JSON = "application/json";
    private static final int MAX_PARTS = 2000;

    public static FormData parse(Request request) {
        byte[] body = BodyReader.read(request);
        String contentType = Optional.ofNullable(request.contentType()).orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        ImmutableListMultimap.Builder<String, String> fields = ImmutableListMultimap.builder();
        ImmutableList.Builder<FilePart> files = ImmutableList.builder();
        if (body.length > 0 || !mediaType.isEmpty()) {
            switch (mediaType) {
                case URL_ENCODED, "" -> fields.putAll(UrlEncodedForm.parse(body));
                case MULTIPART -> parseMultipart(body, contentType, body.length, fields, files);
                case JSON -> parseJson(body, fields);
                default -> throw ApiException.unsupportedMediaType(mediaType);
            }
        }
        Optional.ofNullable(request.raw().getQueryString())
            .ifPresent(query -> fields.putAll(UrlEncodedForm.parse(query)));
        return new FormData(fields.build(), files.build());
    }

    /**
     * A JSON array of flat objects (bulk requests such as Mailgun's suppression imports), or empty when the body is
     * not a JSON array.
     */
    public static Optional<List<FormData>> parseJsonArray(Request request) {
        String mediaType = Optional.ofNullable(request.contentType()).orElse("").split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON)) {
            return Optional.empty();
        }
        byte[] body = BodyReader.read(request);
        String text = StrictUtf8.decode(body).stripLeading();
        if (!text.startsWith("[")) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Malformed JSON body");
        }
        ImmutableList.Builder<FormData> elements = ImmutableList.builder();
        for (JsonNode element : root) {
            if (!element.isObject()) {
                throw ApiException.badRequest("Each element of the JSON array must be an object");
            }
            ImmutableListMultimap.Builder<String, String> fields = ImmutableListMultimap.builder();
            element.fields().forEachRemaining(field -> addJsonValue(fields, field.getKey(), field.getValue()));
            elements.add(new FormData(fields.build(), ImmutableList.of()));
        }
        return Optional.of(elements.build());
    }

    public static FormData of(Map<String, String> fields) {
        return new FormData(ImmutableListMultimap.copyOf(fields.entrySet()), ImmutableList.of());
    }

    private static void parseMultipart(byte[] body, String contentType, long maxBytes,
                                       ImmutableListMultimap.Builder<String, String> fields,
                                       ImmutableList.Builder<FilePart> files) {
        Path spool = null;
        MultiPartFormInputStream parser = null;
        try {
            spool = Files.createTempDirectory("postyard-multipart");
            MultipartConfigElement limits = new MultipartConfigElement(spool.toString(), maxBytes, maxBytes, (int) Math.min(maxBytes, Integer.MAX_VALUE));
            parser = new MultiPartFormInputStream(new ByteArrayInputStream(body), contentType, limits, spool.toFile());
            Collection<Part> parts = parser.getParts();
            if (parts.size() > MAX_PARTS) {
                throw ApiException.badRequest("Too many form parts");
            }
            for (Part part : parts) {
                byte[] content = readPart(part);
                if (part.getSubmittedFileName() == null) {
                    fields.put(part.getName(), StrictUtf8.decode(content));
                } else {
                    files.add(new FilePart(part.getName(), part.getSubmittedFileName(),
                        Optional.ofNullable(part.getContentType()), content));
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (IllegalStateException e) {
            throw ApiException.payloadTooLarge(maxBytes);
        } catch (Exception e) {
            throw ApiException.badRequest("Malformed multipart form data");
        } finally {
            if (parser != null) {
                parser.deleteParts();
            }
            deleteQuietly(spool);
        }
    }

    private static byte[] readPart(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var entries = Files.list(directory)) {
            entries.forEach(entry -> entry.toFile().delete());
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // Only spooled temporary files are left behind, and the OS temp cleaner reclaims them.
        }
    }

    private static void parseJson(byte[] body, ImmutableListMultimap.Builder<String, String> fields) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(StrictUtf8.decode(body));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Malformed JSON body");
        }
        if (root == null || root.isMissingNode()) {
            return;
        }
        if (!root.isObject()) {
            throw ApiException.badRequest("JSON body must be an object");
        }
        root.fields().forEachRemaining(field -> addJsonValue(fields, field.getKey(), field.getValue()));
    }

    private static void addJsonValue(ImmutableListMultimap.Builder<String, String> fields, String name, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(element -> addJsonValue(fields, name, element));
        } else if (value.isValueNode()) {
            fields.put(name, value.asText());
        } else {
            fields.put(name, value.toString());
        }
    }

    private final ImmutableListMultimap<String, String> fields;
    private final ImmutableList<FilePart> files;

    private FormData(ImmutableListMultimap<String, String> fields, ImmutableList<FilePart> files) {
        this.fields = fields;
        this.files = files;
    }

    public Optional<String> first(String name) {
        return fields.get(name).stream().findFirst();
    }

    public Optional<String> firstNonBlank(String name) {
        return first(name).filter(value -> !value.isBlank());
    }

    public String require(String name) {
        return firstNonBlank(name)
            .orElseThrow(() -> ApiException.validation("Missing parameter '" + name + "'", Map.of("field", name)));
    }

    public List<String> all(String name) {
        return fields.get(name);
    }

    public ImmutableListMultimap<String, String> fields() {
        return fields;
    }

    public List<FilePart> files(String fieldName) {
        return files.stream()
            .filter(file -> file.fieldName().equals(fieldName))
            .toList();
    }

    public List<FilePart> files() {
        return files;
    }

    public Optional<Boolean> bool(String name) {
        return firstNonBlank(name).map(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw ApiException.validation("Parameter '" + name + "' must be true or false",
                Map.of("field", name));
        });
    }
}
