package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml passes a real Compose parser: {@code docker compose config -q} (Compose v2, where the Docker
 * CLI has it) and {@code docker-compose config -q} (Debian's v1 package, which needs no engine). Skipped where
 * neither is installed, except in CI, which installs one.
 */
class ComposeConfigTest {

    private static final List<List<String>> PARSERS = new ArrayList<>();

    @BeforeAll
    static void findParsers() {
        for (List<String> parser : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(parser);
            version.add("version");
            if (run(version, ComposeFile.REPOSITORY).exitCode() == 0) {
                PARSERS.add(parser);
            }
        }
        if (PARSERS.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("CI must validate docker-compose.yml, but neither 'docker compose' nor 'docker-compose' is installed");
        }
    }

    @BeforeEach
    void skipWithoutAParser() {
        assumeTrue(!PARSERS.isEmpty(), "neither 'docker compose' nor 'docker-compose' is installed");
    }

    @Test
    void composeAcceptsTheFile() {
        for (List<String> parser : PARSERS) {
            Result result = config(parser, ComposeFile.REPOSITORY);
            assertThat(result.exitCode()).as("%s config -q said: %s", parser, result.output()).isZero();
        }
    }

    /** The check above means something only if the parser rejects a file with a mistake in it. */
    @Test
    void composeRejectsTheFileWithAMisspeltKey(@TempDir Path project) throws IOException {
        String file = Files.readString(ComposeFile.REPOSITORY.resolve("docker-compose.yml"));
        Files.writeString(project.resolve("docker-compose.yml"), file.replaceFirst("healthcheck:", "healtcheck:"));
        for (List<String> parser : PARSERS) {
            Result result = config(parser, project);
            assertThat(result.exitCode()).as("%s config -q said: %s", parser, result.output()).isNotZero();
            assertThat(result.output()).contains("healtcheck");
        }
    }

    private static Result config(List<String> parser, Path project) {
        List<String> command = new ArrayList<>(parser);
        command.addAll(List.of("--file", project.resolve("docker-compose.yml").toString(), "config", "-q"));
        return run(command, project);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, command + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
