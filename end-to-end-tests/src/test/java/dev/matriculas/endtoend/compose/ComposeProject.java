package dev.matriculas.endtoend.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker compose} command line on one project, as a user types it: what Testcontainers' {@code
 * ComposeContainer} does not do for a running stack (stop and start one service, {@code down} and {@code up} again).
 * Each command's output goes to a file while it runs, and each has a time limit.
 */
final class ComposeProject {

    private final String name;
    private final List<File> files;
    private final Map<String, String> environment;

    ComposeProject(String name, List<File> files, Map<String, String> environment) {
        this.name = name;
        this.files = files;
        this.environment = environment;
    }

    String name() {
        return name;
    }

    /** The same project, its commands given these variables too (as a user sets them before a command). */
    ComposeProject with(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(variables);
        return new ComposeProject(name, files, all);
    }

    /** Runs {@code docker compose ARGS} and returns its output; fails the test if it fails or overruns. */
    String run(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "--project-name", name));
        files.forEach(file -> command.addAll(List.of("--file", file.getPath())));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("compose", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " took longer than " + limit + ":\n"
                            + read(output));
                }
                String text = read(output);
                assertThat(process.exitValue()).as("%s\n%s", String.join(" ", command), text).isZero();
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The output as text; Kafka's tools print record headers that are not all UTF-8. */
    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }

    /** {@code docker compose exec -T SERVICE sh -c SCRIPT}: a command inside a running container. */
    String exec(String service, String script) {
        return run(Duration.ofMinutes(1), "exec", "-T", service, "sh", "-c", script);
    }
}
