package dev.matriculas.benchmarks;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard as users run it: a JVM of its own on free ports, launched with the options given. */
public final class DashboardProcess implements AutoCloseable {

    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final URI base;
    private final Path log;
    private final long launchedNanos;

    private DashboardProcess(Process process, URI base, Path log, long launchedNanos) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /** Launches {@code java <options...>} against the broker, on a free port. */
    public static DashboardProcess launch(String bootstrapServers, Path workingDirectory, List<String> options)
            throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("bench-dashboard", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "DASHBOARD_PORT", Integer.toString(port)));
        long launched = System.nanoTime();
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new DashboardProcess(process, URI.create("http://localhost:" + port), log, launched);
    }

    public Process process() {
        return process;
    }

    public URI base() {
        return base;
    }

    public long nanosSinceLaunch() {
        return System.nanoTime() - launchedNanos;
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

    /** Heap in use right after a full collection, in bytes, as {@code jcmd GC.run} then the metrics endpoint see it. */
    public long heapAfterGc() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            jcmd.destroyForcibly();
            throw new IllegalStateException("jcmd GC.run failed on the dashboard; see " + log);
        }
        String body = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).path("measurements").get(0).path("value").asLong();
    }

    /** Polls every 20 ms for up to 3 minutes; the dashboard dying or the time running out ends the benchmark. */
    public void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the dashboard did not get there; see " + log);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    /** Waits for the process to end by itself (a training run), for up to 3 minutes. */
    public int exitCode() throws InterruptedException {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the dashboard did not exit; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
