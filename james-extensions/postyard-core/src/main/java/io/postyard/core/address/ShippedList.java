package io.postyard.core.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** A word list shipped next to these classes: one entry a line, lower-cased; blank lines and {@code #} comments skipped. */
final class ShippedList {
    private ShippedList() {
    }

    static List<String> load(String resource) {
        try (InputStream in = ShippedList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " next to " + ShippedList.class.getName());
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
