package io.postyard.mailgun;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.core.suppression.SuppressionType;
import io.postyard.http.ApiException;

/**
 * {@code POST .../import}: a CSV file whose header names the columns ({@code address}, {@code code},
 * {@code error}, {@code tags}, {@code created_at}, or {@code domain} for whitelists). The whole file is checked
 * before anything is stored.
 */
public class SuppressionCsvImport {
    private static final CsvMapper CSV = new CsvMapper();
    private static final int MAX_ROWS = 100_000;

    private final SuppressionService suppressions;
    private final Clock clock;

    @Inject
    public SuppressionCsvImport(SuppressionService suppressions, Clock clock) {
        this.suppressions = suppressions;
        this.clock = clock;
    }

    int importCsv(Domain domain, SuppressionType type, byte[] content) {
        List<Suppression> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(content)) {
            int line = 1;
            while (lines.hasNext()) {
                line++;
                Map<String, String> row = lowerCaseKeys(lines.next());
                if (rows.size() == MAX_ROWS) {
                    throw ApiException.validation("A file holds at most " + MAX_ROWS + " rows", Map.of("field", "file"));
                }
                rows.add(parseRow(domain, type, row, line));
            }
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ApiException.validation("The file is not valid CSV with a header row", Map.of("field", "file"));
        }
        rows.forEach(suppressions::add);
        return rows.size();
    }

    private Suppression parseRow(Domain domain, SuppressionType type, Map<String, String> row, int line) {
        try {
            return SuppressionRequests.parse(domain, type, column -> Optional.ofNullable(row.get(column)).stream().toList(),
                clock);
        } catch (ApiException e) {
            throw ApiException.validation("Line " + line + ": " + e.getMessage(), e.error().details());
        }
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> row) {
        Map<String, String> normalized = new java.util.HashMap<>();
        row.forEach((key, value) -> normalized.put(key.trim().toLowerCase(Locale.ROOT), value));
        return normalized;
    }
}
