package dev.matriculas.endtoend;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: nothing is downloaded (no Selenium
 * Manager), each browser has a fresh profile, and the browser's console is kept for the test to read.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Selenium looks for a DevTools binding for this Chromium on every start; none is needed here. */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;
    /** Device pixels per CSS pixel, and whether Chromium emulates a phone: kept when the window is resized. */
    private final int pixelRatio;
    private final boolean mobile;

    private Browser(ChromeDriver driver, Path profile, int pixelRatio, boolean mobile) {
        this.driver = driver;
        this.profile = profile;
        this.pixelRatio = pixelRatio;
        this.mobile = mobile;
    }

    /**
     * Where Chromium or its driver is not installed: in CI ({@code CI=true}, as GitHub Actions sets it) the calling
     * tests fail, as the run must not pass without them; elsewhere they are skipped, and the run says so in one line.
     */
    static void assumeInstalled() {
        requireOrSkip(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "true".equalsIgnoreCase(System.getenv("CI")), System.out);
    }

    static void requireOrSkip(boolean installed, boolean ci, java.io.PrintStream log) {
        if (installed) {
            return;
        }
        String missing = "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
        if (ci) {
            throw new IllegalStateException("CI=true and " + missing + ": install them (bash .ci/run does)");
        }
        log.println("Browser tests skipped: " + missing);
        assumeTrue(false, missing);
    }

    /** A desktop-sized browser whose preferred language is {@code language} (e.g. "pt-BR"). */
    static Browser desktop(String language) {
        return open(language, options -> options.addArguments("--window-size=1440,1000"), 1, false);
    }

    /** A phone: a viewport {@code width} CSS pixels wide, as Chromium's device emulation gives it. */
    static Browser phone(String language, int width) {
        return open(language, options -> options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", width, "height", 800, "pixelRatio", 2))), 2, true);
    }

    private static Browser open(String language, java.util.function.Consumer<ChromeOptions> size, int pixelRatio, boolean mobile) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in a container: no sandbox. The rest keeps Chromium from reaching out to the network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        size.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile, pixelRatio, mobile);
    }

    void open(java.net.URI uri) {
        driver.get(uri.toString());
    }

    ChromeDriver driver() {
        return driver;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element's text; read again if the page re-rendered it between finding and reading (live updates do). */
    String text(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(css).getText();
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Errors the page logged (script errors, Content-Security-Policy violations) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * Saves the page from its top, at most {@code maxHeight} CSS pixels of it, under target/screenshots. The window
     * is made that tall first, then {@code settle} waits for the page to draw itself again: captured beyond the
     * window, the page was resized in the middle of the capture, and charts were at times caught at another size.
     */
    @SuppressWarnings("unchecked")
    Path screenshot(String name, int maxHeight, Runnable settle) {
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        long height = (long) Math.ceil(Math.min(((Number) size.get("height")).doubleValue(), maxHeight));
        Number width = script("return window.innerWidth");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.longValue(), "height", height,
                "deviceScaleFactor", pixelRatio, "mobile", mobile));
        settle.run();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
