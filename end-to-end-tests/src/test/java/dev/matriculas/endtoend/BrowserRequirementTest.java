package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without Chromium the browser tests fail in CI and are skipped, saying so, on a developer's machine. */
class BrowserRequirementTest {

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(said, true, StandardCharsets.UTF_8);

    @Test
    void inCiAMissingBrowserFailsTheRun() {
        assertThatThrownBy(() -> Browser.requireOrSkip(false, true, log))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CI=true").hasMessageContaining("chromium");
    }

    @Test
    void elsewhereAMissingBrowserSkipsTheTestsAndSaysSoInOneLine() {
        assertThatThrownBy(() -> Browser.requireOrSkip(false, false, log)).isInstanceOf(TestAbortedException.class);
        assertThat(said.toString(StandardCharsets.UTF_8).lines())
                .singleElement().asString().startsWith("Browser tests skipped: ");
    }

    @Test
    void anInstalledBrowserRunsTheTestsInCiAndElsewhere() {
        assertThatCode(() -> Browser.requireOrSkip(true, true, log)).doesNotThrowAnyException();
        assertThatCode(() -> Browser.requireOrSkip(true, false, log)).doesNotThrowAnyException();
        assertThat(said.size()).isZero();
    }
}
