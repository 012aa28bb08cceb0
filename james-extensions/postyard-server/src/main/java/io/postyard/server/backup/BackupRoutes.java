package io.postyard.server.backup;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;
import spark.Response;
import spark.Service;

/** {@code POST /postyard/backups?directory=/abs/path}: an online backup of the embedded profile, for {@code ./postyard backup}. */
public class BackupRoutes implements Routes {
    public static final String BASE_PATH = "/postyard/backups";

    private final OnlineBackup backup;
    private final JsonTransformer jsonTransformer;

    @Inject
    public BackupRoutes(OnlineBackup backup, JsonTransformer jsonTransformer) {
        this.backup = backup;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH, this::backUp, jsonTransformer);
    }

    private Map<String, Object> backUp(Request request, Response response) throws IOException {
        Path directory = directory(request);
        OnlineBackup.Report report;
        try {
            report = backup.backupTo(directory);
        } catch (IllegalArgumentException e) {
            throw ErrorResponder.builder().statusCode(HttpStatus.BAD_REQUEST_400).type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
                .message(e.getMessage()).haltError();
        }
        response.status(HttpStatus.CREATED_201);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("directory", report.directory().toString());
        body.put("database", report.databaseIncluded() ? "included" : "not included: back up PostgreSQL with pg_dump");
        body.put("queueFiles", report.queueFiles());
        body.put("dataFiles", report.dataFiles());
        return body;
    }

    private static Path directory(Request request) {
        return Optional.ofNullable(request.queryParams("directory"))
            .flatMap(BackupRoutes::absolutePath)
            .orElseThrow(() -> ErrorResponder.builder().statusCode(HttpStatus.BAD_REQUEST_400)
                .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
                .message("'directory' must be an absolute path on the server").haltError());
    }

    private static Optional<Path> absolutePath(String value) {
        try {
            return Optional.of(Path.of(value)).filter(Path::isAbsolute);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
