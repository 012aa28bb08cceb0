package io.postyard.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import io.postyard.http.ApiException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The console's own stylesheet and scripts, and Chart.js from its WebJar: all from the jar, nothing from a CDN. Only
 * the files named here are served.
 */
class Assets {
    private static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    private static final Map<String, String> FILES = Map.of(
        "console.css", "/console/assets/console.css",
        "console.js", "/console/assets/console.js",
        "overview.js", "/console/assets/overview.js",
        "chart.js", CHART_JS);

    void define(Service service) {
        service.get(ConsoleApi.PREFIX + "/assets/:file", this::serve);
    }

    private Object serve(Request request, Response response) throws IOException {
        String file = request.params("file");
        String resource = Optional.ofNullable(FILES.get(file)).orElseThrow(() -> ApiException.notFound("Not Found"));
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw ApiException.notFound("Not Found");
            }
            response.type(file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
            response.raw().setHeader("Cache-Control", "public, max-age=3600");
            return in.readAllBytes();
        }
    }
}
