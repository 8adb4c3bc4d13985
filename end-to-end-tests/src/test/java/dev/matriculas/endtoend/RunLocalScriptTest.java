package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./run-local.sh} as a user runs it: one command brings up a broker and both services on the documented
 * ports with figures rising, and stopping it (twice, as an impatient user would), or one of them stopping on its
 * own, leaves nothing running.
 * Skipped where those ports are taken, as the script itself would refuse to start.
 */
class RunLocalScriptTest {

    private static final List<Integer> PORTS = List.of(9092, 9093, 8082, 8080);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path kafkaData;

    private Process script;
    private List<ProcessHandle> started = List.of();

    /** A failed run must not leave a broker or a service holding the ports for the tests after it. */
    @AfterEach
    void stopWhateverIsLeft() {
        if (script != null) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void startsEverythingWithOneCommandAndStopsEverythingEvenWhenStoppedTwice() throws Exception {
        Path output = startScript();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> totalEnrollments() > 0);

        started = script.descendants().toList();
        script.toHandle().destroy();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(output).contains("Stopping..."));
        // The second signal arrives while the services are stopping.
        script.toHandle().destroy();

        assertThat(script.waitFor(90, TimeUnit.SECONDS)).as("the script ended").isTrue();
        assertThat(Files.readString(output)).contains("All stopped.");
        assertThat(started).as("processes the script started").isNotEmpty().noneMatch(ProcessHandle::isAlive);
        await().atMost(Duration.ofSeconds(10)).until(() -> PORTS.stream().allMatch(RunLocalScriptTest::free));
    }

    @Test
    void oneProcessStoppingOnItsOwnStopsTheRestAndIsNamed() throws Exception {
        Path output = startScript();
        started = script.descendants().toList();
        long dashboardPid = Long.parseLong(Files.readString(output).replaceAll("(?s).*Started dashboard \\(pid (\\d+)\\).*", "$1"));

        ProcessHandle.of(dashboardPid).orElseThrow().destroyForcibly();

        assertThat(script.waitFor(90, TimeUnit.SECONDS)).as("the script ended").isTrue();
        assertThat(Files.readString(output)).contains("run-local: dashboard stopped on its own, so everything stops",
                "All stopped.");
        assertThat(started).as("processes the script started").isNotEmpty().noneMatch(ProcessHandle::isAlive);
        await().atMost(Duration.ofSeconds(10)).until(() -> PORTS.stream().allMatch(RunLocalScriptTest::free));
    }

    /** Runs the script on an empty broker until it says everything is running; returns the file of its output. */
    private Path startScript() throws IOException {
        assumeThat(PORTS).as("ports the script needs").allMatch(RunLocalScriptTest::free);
        Path output = Files.createTempFile("run-local", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "run-local.sh", "--wipe")
                .directory(ComposeFile.REPOSITORY.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("KAFKA_DATA_DIR", kafkaData.toString());
        script = builder.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(output).contains("Everything is running") || !script.isAlive());
        assertThat(Files.readString(output)).contains("Everything is running", "http://localhost:8080");
        return output;
    }

    private static long totalEnrollments() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/api/summary"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("totalEnrollments").asLong() : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
