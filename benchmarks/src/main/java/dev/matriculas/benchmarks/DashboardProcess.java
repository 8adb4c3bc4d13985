package dev.matriculas.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard as users run it: a JVM of its own on a free port, launched with the options given. */
public final class DashboardProcess implements AutoCloseable {

    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JavaProcess java;
    private final URI base;

    private DashboardProcess(JavaProcess java, URI base) {
        this.java = java;
        this.base = base;
    }

    /** Launches {@code java <options...>} against the broker, on a free port. */
    public static DashboardProcess launch(String bootstrapServers, Path workingDirectory, List<String> options)
            throws IOException {
        int port = JavaProcess.freePort();
        JavaProcess java = JavaProcess.start("dashboard", workingDirectory, Map.of("KAFKA_BOOTSTRAP_SERVERS",
                bootstrapServers, "DASHBOARD_PORT", Integer.toString(port)), options);
        return new DashboardProcess(java, URI.create("http://localhost:" + port));
    }

    public JavaProcess java() {
        return java;
    }

    public URI base() {
        return base;
    }

    /** The answer of {@code /api/summary}, or null while there is none. */
    public JsonNode summary() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/summary"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        java.close();
    }
}
