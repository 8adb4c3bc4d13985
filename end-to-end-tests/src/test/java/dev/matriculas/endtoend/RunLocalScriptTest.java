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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./run-local.sh} as a user runs it: one command brings up a broker and both services on the documented
 * ports with figures rising; stopping it (even with a supervisor's SIGTERM sent twice), or one of them stopping on
 * its own, leaves nothing running; a second Ctrl-C while it stops ends it at once and names what it leaves.
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

    /** A failed run, or one left on purpose, must not leave a broker or a service holding the ports for the tests after it. */
    @AfterEach
    void stopWhateverIsLeft() {
        if (script != null) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
        started.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void startsEverythingWithOneCommandAndStopsEverythingEvenWhenTerminatedTwice() throws Exception {
        Path output = startScript();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> totalEnrollments() > 0);

        started = script.descendants().toList();
        script.toHandle().destroy();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(output).contains("Stopping..."));
        // A second SIGTERM, while the services are stopping, lets the stop finish.
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
        long dashboardPid = startedPid(output, "dashboard");

        ProcessHandle.of(dashboardPid).orElseThrow().destroyForcibly();

        assertThat(script.waitFor(90, TimeUnit.SECONDS)).as("the script ended").isTrue();
        assertThat(Files.readString(output)).contains("run-local: dashboard stopped on its own, so everything stops",
                "All stopped.");
        assertThat(started).as("processes the script started").isNotEmpty().noneMatch(ProcessHandle::isAlive);
        await().atMost(Duration.ofSeconds(10)).until(() -> PORTS.stream().allMatch(RunLocalScriptTest::free));
    }

    @Test
    void aSecondCtrlCWhileStoppingEndsItAtOnceAndNamesWhatItLeavesRunning() throws Exception {
        // Stopped while the services are still starting: the same stop, without waiting for them to be up.
        Path output = startScriptUntil("Started dashboard");
        started = script.descendants().toList();
        long kafkaPid = startedPid(output, "Kafka");
        // A broker that no longer answers keeps the stop waiting, as a hung one would.
        signal("STOP", kafkaPid);

        signal("INT", script.pid());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(output).contains("Stopping..."));
        signal("INT", script.pid());

        assertThat(script.waitFor(10, TimeUnit.SECONDS)).as("the script ended at once").isTrue();
        assertThat(script.exitValue()).as("exit status after Ctrl-C").isEqualTo(130);
        assertThat(Files.readString(output)).contains("Left running: ", "Kafka (pid " + kafkaPid + ")", "kill ")
                .doesNotContain("All stopped.");
        assertThat(ProcessHandle.of(kafkaPid)).as("the broker it left").hasValueSatisfying(
                broker -> assertThat(broker.isAlive()).isTrue());
    }

    private static long startedPid(Path output, String name) throws IOException {
        Matcher started = Pattern.compile("Started " + name + " \\(pid (\\d+)\\)").matcher(Files.readString(output));
        assertThat(started.find()).as("the script printed the pid of %s", name).isTrue();
        return Long.parseLong(started.group(1));
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).as("kill -%s %d ended", signal, pid).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %d", signal, pid).isZero();
    }

    /** Runs the script on an empty broker until it says everything is running; returns the file of its output. */
    private Path startScript() throws IOException {
        Path output = startScriptUntil("Everything is running");
        assertThat(Files.readString(output)).contains("http://localhost:8080");
        return output;
    }

    /** Runs the script on an empty broker until it prints {@code line}; returns the file of its output. */
    private Path startScriptUntil(String line) throws IOException {
        assumeThat(PORTS).as("ports the script needs").allMatch(RunLocalScriptTest::free);
        Path output = Files.createTempFile("run-local", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "run-local.sh", "--wipe")
                .directory(Path.of(System.getProperty("repository.root")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("KAFKA_DATA_DIR", kafkaData.toString());
        script = builder.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(output).contains(line) || !script.isAlive());
        assertThat(Files.readString(output)).contains(line);
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
