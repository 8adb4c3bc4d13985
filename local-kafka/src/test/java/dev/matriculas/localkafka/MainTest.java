package dev.matriculas.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's command line, run as run-local.sh runs it: a setting it cannot use is one clear line and an exit. */
class MainTest {

    @TempDir
    Path folder;

    private record Exit(int code, String errors) {
    }

    /** Its errors go to a file while it runs, so a full pipe never holds it up, and the wait for its end is bounded. */
    private Exit run(Map<String, String> environment) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(folder, "errors", ".txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Exit(process.exitValue(), Files.readString(errors, StandardCharsets.UTF_8));
    }

    @Test
    void aPortThatIsNoNumberIsNamedInOneLine() throws Exception {
        Exit exit = run(Map.of("KAFKA_PORT", "abc", "KAFKA_DATA_DIR", folder.toString()));

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.errors()).isEqualTo("local-kafka: KAFKA_PORT must be a port number (1..65535), got 'abc'\n");
    }

    @Test
    void oneNumberForBothPortsIsRefused() throws Exception {
        Exit exit = run(Map.of("KAFKA_PORT", "19092", "KAFKA_CONTROLLER_PORT", "19092", "KAFKA_DATA_DIR", folder.toString()));

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.errors()).isEqualTo("local-kafka: KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ, both are 19092\n");
    }

    @Test
    void aDataFolderThatCannotBeUsedEndsTheProcessInsteadOfLeavingItHanging() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        try (LocalKafka ports = LocalKafka.onFreePorts(folder)) {
            Exit exit = run(Map.of("KAFKA_PORT", Integer.toString(ports.port()),
                    "KAFKA_CONTROLLER_PORT", Integer.toString(ports.controllerPort()), "KAFKA_DATA_DIR", file.toString()));

            assertThat(exit.code()).isNotZero();
            assertThat(exit.errors()).startsWith("local-kafka: ");
        }
    }
}
