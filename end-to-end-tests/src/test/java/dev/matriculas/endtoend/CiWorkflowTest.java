package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The GitHub Actions workflow runs the project's test command where Docker is, with actions that cannot move. */
class CiWorkflowTest {

    private final String workflow = read(".github/workflows/ci.yml");

    @Test
    void itRunsTheTestCommandAndTheComposeFileOnARunnerWithDocker() {
        assertThat(workflow).contains("runs-on: ubuntu-24.04", "./mvnw -B verify",
                "docker compose up --detach --build --wait", "docker compose down --volumes");
    }

    @Test
    void everyActionIsPinnedToAnExactVersion() {
        Matcher uses = Pattern.compile("uses:\\s*(\\S+)").matcher(workflow);
        List<String> actions = new ArrayList<>();
        while (uses.find()) {
            actions.add(uses.group(1));
        }
        assertThat(actions).isNotEmpty().allSatisfy(action -> assertThat(action).matches(".+@v\\d+\\.\\d+\\.\\d+"));
    }

    private static String read(String path) {
        try {
            return Files.readString(ComposeFile.REPOSITORY.resolve(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
