package dev.matriculas.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of the services running as its own process from its runnable jar, as {@code run-local.sh} and the
 * containers run it, on a port of its own. Its output goes to a log file under {@code target/}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, String jarProperty, int port, Map<String, String> environment) {
        this.name = name;
        this.jar = Path.of(System.getProperty(jarProperty, "missing: run through Maven"));
        this.port = port;
        this.environment = environment;
        this.log = Path.of("target", name + "-" + port + ".log");
    }

    static ServiceProcess producer(String bootstrapServers, Map<String, String> environment) {
        int port = freePort();
        return new ServiceProcess("producer", "producer.jar", port, with(environment,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, "PRODUCER_PORT", Integer.toString(port))));
    }

    static ServiceProcess dashboard(String bootstrapServers, Map<String, String> environment) {
        int port = freePort();
        return new ServiceProcess("dashboard", "dashboard.jar", port, with(environment,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, "DASHBOARD_PORT", Integer.toString(port))));
    }

    /**
     * A service with the given environment added to the inherited one, listening on {@code port} (which that
     * environment must set), as a container started from docker-compose.yml would be.
     */
    static ServiceProcess withEnvironment(String name, int port, Map<String, String> environment) {
        return new ServiceProcess(name, name + ".jar", port, environment);
    }

    /** Starts the process and waits until its health endpoint answers. */
    ServiceProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " jar not found at " + jar + ": run the tests with './mvnw verify'");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        Awaitility.await(name + " healthy on port " + port).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    return healthy();
                });
        return this;
    }

    private boolean healthy() {
        try {
            return get("/actuator/health").path("status").asString().matches("UP|DEGRADED");
        } catch (RuntimeException e) {
            return false;
        }
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    JsonNode put(String path) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** The HTTP status of a GET, e.g. 200 for a health endpoint that reports DEGRADED. */
    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Stops the process as Ctrl-C would, and waits for it to end. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the process at once, as a crash would, without a chance to clean up. */
    void kill() throws InterruptedException {
        if (!process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") still runs 30 s after SIGKILL");
        }
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    /**
     * A port free now and not handed out before in this JVM: a port just closed may be the next one the system
     * gives, and two services chosen before either starts would then get the same one.
     */
    static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
