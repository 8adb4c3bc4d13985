package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import dev.matriculas.producer.generator.GeneratorProperties;
import dev.matriculas.testkafka.EnrollmentTopics;
import dev.matriculas.testkafka.KafkaTest;
import dev.matriculas.testkafka.TestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard page as a user sees it: Debian's Chromium, headless, on the real service (its runnable jar)
 * over a real broker, fed records the test produces itself, hostile ones included. The run leaves
 * screenshots under target/screenshots, and prints what axe-core found in each state of the page (one line a state).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@KafkaTest(ownBroker = true)
@Tag("browser")
class DashboardPageBrowserTest {

    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    static final int SAMPLE_SIZE = 900;
    /** How long the page may take to show what it was sent, on a slow shared machine; a wait ends when it does. */
    static final Duration PAGE_WAIT = Duration.ofSeconds(30);
    static final Duration SPREAD = Duration.ofMinutes(50);

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static TestBroker kafka;
    static KafkaProducer<String, String> producer;
    static ServiceProcess dashboard;
    static boolean sampleSent;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        kafka = TestBroker.own().start();
        EnrollmentTopics.createIfMissing(kafka);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
        dashboard = ServiceProcess.dashboard(kafka.bootstrapServers(), Map.of()).start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {dashboard, producer, kafka}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // keep stopping the others
            }
        }
    }

    @Test
    @Order(1)
    void saysNothingWasConsumedUntilTheFirstRecordsArriveThenFillsIn() {
        assumeFalse(sampleSent, "needs the empty topic it starts with");
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            assertThat(browser.find("#banner-no-data").isDisplayed()).isTrue();
            assertThat(browser.text("#banner-no-data")).contains("Nenhum dado foi consumido do Kafka.");

            sendSampleHour();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(browser.find("#banner-no-data").isDisplayed()).isFalse();
                assertThat(browser.text("#kpi-total")).isEqualTo("900");
            });
        }
    }

    @Test
    void drawsEveryChartWithTheFiguresAndBreaksNoRuleOfItsOwnPolicy() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            long total = dashboard.get("/api/summary").path("totalEnrollments").asLong();

            // Each chart shows every enrollment once: its bars, slices or points add up to the total.
            for (String chart : List.of("course", "payment", "shift", "sex", "responsible", "age", "courseShift",
                    "arrivals", "enrollmentDate")) {
                await().atMost(PAGE_WAIT).untilAsserted(
                        () -> assertThat(chartSum(browser, chart)).as(chart).isEqualTo(total));
                assertThat(browser.find("#chart-" + chart).getSize().getHeight()).as(chart).isGreaterThan(100);
            }
            assertThat(chartLabels(browser, "course")).containsExactly("Administração", "Edificações",
                    "Informática para Web", "Mecânica Industrial", "Refrigeração");
            // The text alternative holds the same figures.
            assertThat(browser.findAll("#alt-course tbody tr")).hasSize(5);
            assertThat(browser.findAll("#alt-payment tbody tr")).hasSize(7);
            assertThat(browser.findAll("#newest-rows tr")).hasSize(20);
            assertThat(browser.text("#profile-course")).isNotBlank();
            assertThat(browser.consoleErrors()).as("script errors or Content-Security-Policy violations").isEmpty();
        }
    }

    @Test
    void showsARecordProducedNowAtTheTopWithoutAReload() throws Exception {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            long before = dashboard.get("/api/summary").path("totalEnrollments").asLong();
            browser.script("window.stillTheSamePage = true");

            String id = "live-" + UUID.randomUUID();
            send(enrollment(id, "Refrigeração"), System.currentTimeMillis());

            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertThat(browser.find("#newest-rows tr:first-child").getDomAttribute("data-id")).isEqualTo(id);
                assertThat(browser.text("#kpi-total")).isEqualTo(String.valueOf(before + 1));
            });
            assertThat((Boolean) browser.script("return window.stillTheSamePage === true")).isTrue();
        }
    }

    @Test
    void clickingABarFiltersTheOtherChartsTheTableAndTheAddress() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            long total = dashboard.get("/api/summary").path("totalEnrollments").asLong();
            long refrigeration = dashboard.get("/api/summary?course=" + encode("Refrigeração"))
                    .path("totalEnrollments").asLong();

            clickBar(browser, "course", "Refrigeração");

            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertThat(browser.driver().getCurrentUrl()).endsWith("/?course=" + encode("Refrigeração"));
                assertThat(chartSum(browser, "payment")).isEqualTo(refrigeration);
                assertThat(chartSum(browser, "shift")).isEqualTo(refrigeration);
                assertThat(chartLabels(browser, "courseShift")).containsExactly("Refrigeração");
                assertThat(tableColumn(browser, 2)).isNotEmpty().containsOnly("Refrigeração");
                // The table's download is of the enrollments in view.
                assertThat(browser.find("#csv-download").getAttribute("href")).endsWith("/api/enrollments.csv?course=" + encode("Refrigeração"));
            });
            // The chart clicked keeps every course, so another one can be picked.
            assertThat(chartLabels(browser, "course")).hasSize(5);
            assertThat(browser.text("#chips .chip-value")).isEqualTo("Refrigeração");

            browser.driver().navigate().refresh();
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertThat(browser.text("#chips .chip-value")).isEqualTo("Refrigeração");
                assertThat(chartSum(browser, "payment")).isEqualTo(refrigeration);
            });

            // A second click combines with the first; each chart clicked still offers all its values.
            long refrigerationByPix = dashboard.get("/api/summary?course=" + encode("Refrigeração") + "&payment=Pix")
                    .path("totalEnrollments").asLong();
            clickBar(browser, "payment", "Pix");
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertThat(browser.driver().getCurrentUrl()).endsWith("/?course=" + encode("Refrigeração") + "&payment=Pix");
                assertThat(chartSum(browser, "shift")).isEqualTo(refrigerationByPix);
                assertThat(tableColumn(browser, 9)).isNotEmpty().containsOnly("Pix");
                assertThat(chartLabels(browser, "course")).hasSize(5);
                assertThat(chartLabels(browser, "payment")).hasSize(7);
            });
            assertThat(browser.findAll("#chips .chip")).hasSize(2);
            browser.find("#chips .chip[data-field='payment']").click();

            browser.find("#chips .chip").click();
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertThat(browser.driver().getCurrentUrl()).doesNotContain("course=");
                assertThat(chartSum(browser, "payment")).isEqualTo(total);
                assertThat(browser.findAll("#chips .chip")).isEmpty();
                assertThat(browser.find("#csv-download").getAttribute("href")).endsWith("/api/enrollments.csv");
            });
        }
    }

    @Test
    void hostileTextShowsAsTextAndRunsNothing() throws Exception {
        sendSampleHour();
        String id = "hostile-" + UUID.randomUUID();
        send(enrollment(id, HOSTILE), System.currentTimeMillis());
        try {
            await().atMost(PAGE_WAIT).until(() -> coursesTotal(HOSTILE) == 1);

            HttpResponse<String> firstPaint = HTTP.send(HttpRequest.newBuilder(dashboard.uri("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(firstPaint.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(HOSTILE);

            try (Browser browser = Browser.desktop("pt-BR")) {
                browser.open(dashboard.uri("/"));
                awaitLive(browser);
                await().atMost(PAGE_WAIT).untilAsserted(() -> assertThat(
                        browser.text("#newest-rows tr[data-id='" + id + "'] td:nth-child(2)")).isEqualTo(HOSTILE));
                assertThat(chartLabels(browser, "course")).contains(HOSTILE);
                assertNothingRan(browser);

                clickBar(browser, "course", HOSTILE);
                await().atMost(PAGE_WAIT).untilAsserted(
                        () -> assertThat(browser.text("#chips .chip-value")).isEqualTo(HOSTILE));
                assertNothingRan(browser);

                browser.driver().navigate().refresh();
                await().atMost(PAGE_WAIT).untilAsserted(
                        () -> assertThat(tableColumn(browser, 2)).containsExactly(HOSTILE));
                assertThat(browser.text("#chips .chip-value")).isEqualTo(HOSTILE);
                assertNothingRan(browser);
            }
        } finally {
            // A tombstone takes it out of the figures again, so the other tests and screenshots never see it.
            producer.send(new ProducerRecord<>(Enrollment.TOPIC, id, null)).get();
            await().atMost(PAGE_WAIT).until(() -> coursesTotal(HOSTILE) == 0);
        }
    }

    @Test
    void theEnglishSwitchChangesTheLabelsKeepsTheFiltersAndIsRemembered() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/?shift=Noite"));
            awaitLive(browser);
            assertThat(browser.text("h1")).isEqualTo("Dashboard de Matrículas");
            assertThat(browser.text("#title-course")).isEqualTo("Matrículas por Curso");
            assertThat(browser.text("#status-text")).isEqualTo("Ao vivo");

            browser.find(".lang-switch a[data-lang='en']").click();
            await().atMost(PAGE_WAIT).until(() -> browser.text("h1").equals("Enrollments Dashboard"));
            awaitLive(browser);
            assertThat(browser.text("#title-course")).isEqualTo("Enrollments by Course");
            assertThat(browser.text("#status-text")).isEqualTo("Live");
            assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/?shift=Noite");
            assertThat(browser.text("#chips .chip-field")).isEqualTo("Shift");

            browser.driver().navigate().refresh();
            assertThat(browser.text("h1")).isEqualTo("Enrollments Dashboard");
        }
        try (Browser englishSpeaker = Browser.desktop("en-US,en")) {
            englishSpeaker.open(dashboard.uri("/"));
            assertThat(englishSpeaker.text("h1")).isEqualTo("Enrollments Dashboard");
        }
    }

    @Test
    void theThemeFollowsTheSystemSwitchesAndIsRemembered() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            String system = browser.script(
                    "return matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark'");
            assertThat(theme(browser)).isEqualTo(system);

            String other = system.equals("light") ? "dark" : "light";
            browser.find("#theme-toggle").click();
            assertThat(theme(browser)).isEqualTo(other);
            assertThat(browser.find("body").getCssValue("background-color"))
                    .isEqualTo(other.equals("dark") ? "rgba(14, 17, 23, 1)" : "rgba(244, 246, 250, 1)");

            browser.driver().navigate().refresh();
            awaitLive(browser);
            assertThat(theme(browser)).isEqualTo(other);
            browser.screenshot("dashboard-" + other, Integer.MAX_VALUE, () -> settle(browser));

            browser.find("#theme-toggle").click();
            browser.screenshot("dashboard-" + system, Integer.MAX_VALUE, () -> settle(browser));
            // Drawn in this theme's colours, none left in the other theme's: the bars of each shift, the slices'
            // borders, the arrivals line.
            await().atMost(PAGE_WAIT).untilAsserted(() -> assertThat((Boolean) browser.script("""
                    const css = getComputedStyle(document.documentElement);
                    const same = (drawn, variable) => drawn.toLowerCase() === css.getPropertyValue(variable).trim().toLowerCase();
                    const chart = id => Chart.getChart(document.getElementById('chart-' + id));
                    const shiftColour = {'Manhã': '--chart-2', 'Noite': '--chart-5', 'Tarde': '--chart-7'};
                    const courseShift = chart('courseShift');
                    return courseShift.data.datasets.length === 3
                        && courseShift.data.datasets.every((dataset, index) => courseShift.getDatasetMeta(index).data
                            .every(bar => same(bar.options.backgroundColor, shiftColour[dataset.label])))
                        && chart('shift').getDatasetMeta(0).data.every(slice => same(slice.options.borderColor, '--surface'))
                        && same(chart('arrivals').getDatasetMeta(0).dataset.options.borderColor, '--chart-1');
                    """)).isTrue());
        }
    }

    @Test
    void fitsA360PixelPhoneWithoutSidewaysScrolling() {
        sendSampleHour();
        try (Browser browser = Browser.phone("pt-BR", 360)) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            assertThat((Long) browser.script("return window.innerWidth")).isEqualTo(360L);
            assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);
            assertThat(browser.find("#chart-course").getSize().getWidth()).isBetween(250, 360);
            axeInBothThemes(browser, "pt-BR, 360 px phone");
            browser.script("localStorage.setItem('matriculas-theme', 'dark')");
            browser.driver().navigate().refresh();
            awaitLive(browser);
            browser.screenshot("dashboard-phone", 1400, () -> settle(browser));
        }
    }

    @Test
    void showsKafkaGoingAwayWithSinceWhenAndComesBackLive() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);

            kafka.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> "disconnected".equals(state(browser)));
            assertThat(browser.text("#banner-disconnected")).startsWith("Kafka desconectado desde ");
            axeInBothThemes(browser, "pt-BR, Kafka desconectado");
            assertThat(browser.text("#kpi-total")).isNotEqualTo("0");

            kafka.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> "live".equals(state(browser)));
            assertThat(browser.find("#banner-disconnected").isDisplayed()).isFalse();
        }
    }

    @Test
    void reconnectsByItselfAfterTheConnectionDropsAndCatchesUpOnWhatItMissed() throws Exception {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);

            dashboard.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> "reconnecting".equals(state(browser)));
            assertThat(browser.find("#banner-reconnecting").isDisplayed()).isTrue();
            axeInBothThemes(browser, "pt-BR, Reconectando");

            String id = "while-away-" + UUID.randomUUID();
            send(enrollment(id, "Edificações"), System.currentTimeMillis());
            dashboard.start();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(state(browser)).isEqualTo("live");
                assertThat(browser.find("#newest-rows tr:first-child").getDomAttribute("data-id")).isEqualTo(id);
            });
            assertThat(browser.find("#banner-reconnecting").isDisplayed()).isFalse();
        }
    }

    // ---- accessibility ------------------------------------------------------------------------------------

    @Test
    void meetsWcag21AaInBothThemesAndLanguagesUnfilteredDrilledDownAndWithTheTablesOpen() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            axeInBothThemes(browser, "pt-BR, unfiltered");

            browser.open(dashboard.uri("/?course=" + encode("Refrigeração")));
            awaitLive(browser);
            assertThat(browser.findAll("#chips .chip")).hasSize(1);
            axeInBothThemes(browser, "pt-BR, drilled down (filter chip)");

            browser.findAll(".table-toggle").forEach(WebElement::click);
            assertThat(browser.findAll(".chart-card.show-table")).hasSize(CHARTS.size());
            axeInBothThemes(browser, "pt-BR, drilled down, every chart's table open");

            browser.find(".lang-switch a[data-lang='en']").click();
            await().atMost(PAGE_WAIT).until(() -> browser.text("h1").equals("Enrollments Dashboard"));
            awaitLive(browser);
            axeInBothThemes(browser, "en, drilled down (filter chip)");
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            browser.findAll(".table-toggle").forEach(WebElement::click);
            axeInBothThemes(browser, "en, unfiltered, every chart's table open");
        }
    }

    @Test
    void rowsJustArrivedStayReadableWhileHighlightedInBothThemes() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            // A row is lit for a moment only: records keep arriving for as long as the table is checked, faster than
            // a highlight ends, so highlighted rows are there from the check's start to its end.
            ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
            arrivals.scheduleAtFixedRate(() -> {
                Enrollment fresh = enrollment("fresh-" + UUID.randomUUID(), "Mecânica Industrial");
                producer.send(new ProducerRecord<>(Enrollment.TOPIC, null, System.currentTimeMillis(), fresh.id(),
                        JSON.writeValueAsString(fresh)));
            }, 0, 250, TimeUnit.MILLISECONDS);
            try {
                for (String theme : List.of("light", "dark")) {
                    useTheme(browser, theme);
                    await().atMost(PAGE_WAIT).until(() -> litRows(browser) > 0);
                    Axe.check(browser, theme + ", pt-BR, rows just arrived (highlighted)", "#card-newest");
                    assertThat(litRows(browser)).as("highlighted rows at the end of the check").isPositive();
                }
            } finally {
                arrivals.shutdownNow();
            }
        }
    }

    @Test
    void meetsWcag21AaWhileCatchingUpOnTheTopicsHistory() throws InterruptedException {
        sendSampleHour();
        // Fetches held by the broker until they time out, one record batch per partition each: the history takes
        // minutes to read, long enough to look at the page meanwhile.
        Map<String, String> slowReading = Map.of("SPRING_APPLICATION_JSON", """
                {"spring.kafka.consumer.fetch-min-size": "64MB", "spring.kafka.consumer.fetch-max-wait": "20s",
                 "spring.kafka.consumer.properties.max.partition.fetch.bytes": "1"}""");
        try (ServiceProcess catchingUp = ServiceProcess.dashboard(kafka.bootstrapServers(), slowReading).start();
             Browser browser = Browser.desktop("pt-BR")) {
            browser.open(catchingUp.uri("/"));
            await().atMost(PAGE_WAIT).until(() -> "catching-up".equals(state(browser)));
            assertThat(browser.text("#status-text")).startsWith("Sincronizando");
            assertThat(browser.find("#banner-catching-up").isDisplayed()).isTrue();
            axeInBothThemes(browser, "pt-BR, Sincronizando");
            assertThat(state(browser)).as("still catching up after the checks").isEqualTo("catching-up");
            // Ended at once: stopping it as Ctrl-C would waits for the fetch the broker is holding back.
            catchingUp.kill();
        }
    }

    @Test
    void everyColourPairOfBothThemesHasEnoughContrastOnThePageAndOnTheCharts() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            // Filtered, so the charts also draw the values left out, faded.
            browser.open(dashboard.uri("/?course=" + encode("Refrigeração") + "&shift=Noite"));
            awaitLive(browser);
            Map<String, List<ColourPairs.Pair>> tooLow = new LinkedHashMap<>();
            for (String theme : List.of("light", "dark")) {
                useTheme(browser, theme);
                List<ColourPairs.Pair> pairs = ColourPairs.of(browser);
                System.out.println("contrast [" + theme + "] " + pairs.size() + " pairs, the lowest: " + pairs.stream()
                        .sorted(Comparator.comparingDouble(pair -> pair.ratio() / pair.minimum())).limit(3).toList());
                assertThat(pairs).as("texts the charts write").filteredOn(pair -> pair.name().contains(" text \""))
                        .hasSizeGreaterThan(30).anyMatch(pair -> pair.name().endsWith("on its slice"));
                assertThat(pairs).as("bars, slices and lines").filteredOn(pair -> pair.minimum() == ColourPairs.GRAPHIC)
                        .hasSizeGreaterThan(30);
                tooLow.put(theme, pairs.stream().filter(pair -> !pair.enough()).toList());
            }
            assertThat(tooLow).as("colour pairs below WCAG's minimum, by theme")
                    .allSatisfy((theme, pairs) -> assertThat(pairs).as(theme).isEmpty());
        }
    }

    @Test
    void aKeyboardAloneReachesEveryControlDrillsDownAndDownloadsWithTheFocusAlwaysVisible(@TempDir Path downloads)
            throws Exception {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            browser.driver().executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            String theme = theme(browser);

            press(browser, Keys.TAB);
            assertThat(focusedOn(browser, ".skip-link")).as("the first Tab lands on the skip link").isTrue();
            tabTo(browser, ".lang-switch a[data-lang='en']");
            tabTo(browser, "#theme-toggle");
            press(browser, Keys.ENTER);
            assertThat(theme(browser)).isNotEqualTo(theme);

            tabTo(browser, "#card-course .table-toggle");
            press(browser, Keys.ENTER);
            tabTo(browser, "#alt-course tbody button");
            String course = browser.script("return document.activeElement.value");
            press(browser, Keys.ENTER);
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertThat(browser.driver().getCurrentUrl()).endsWith("/?course=" + encode(course));
                assertThat(browser.text("#chips .chip-value")).isEqualTo(course);
            });

            shiftTabTo(browser, "#chips .chip");
            press(browser, Keys.ENTER);
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertThat(browser.findAll("#chips .chip")).isEmpty();
                assertThat(browser.driver().getCurrentUrl()).doesNotContain("course=");
            });
            assertThat(focusedOn(browser, "#filter-hint")).as("the focus stays in the filter bar").isTrue();

            for (String chart : CHARTS) {
                tabTo(browser, "#card-" + chart + " .table-toggle");
                if (!browser.find("#card-" + chart).getDomAttribute("class").contains("show-table")) {
                    press(browser, Keys.ENTER);
                }
                assertThat(browser.find("#alt-" + chart).isDisplayed()).as(chart + "'s table").isTrue();
            }

            tabTo(browser, "#csv-download");
            assertThat(browser.find("#csv-download").getAttribute("href")).endsWith("/api/enrollments.csv");
            press(browser, Keys.ENTER);
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                try (var files = Files.list(downloads)) {
                    List<Path> csv = files.filter(file -> file.toString().endsWith(".csv")).toList();
                    assertThat(csv).hasSize(1);
                    assertThat(Files.readAllLines(csv.get(0))).hasSizeGreaterThan(SAMPLE_SIZE)
                            .first().asString().contains("id_matricula");
                }
            });

            shiftTabTo(browser, ".lang-switch a[data-lang='en']");
            press(browser, Keys.ENTER);
            await().atMost(PAGE_WAIT).until(() -> browser.text("h1").equals("Enrollments Dashboard"));
        }
    }

    @Test
    void theChartsDoNotAnimateWhenTheUserAsksForReducedMotion() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            prefersReducedMotion(browser, true);
            browser.open(dashboard.uri("/"));
            awaitLive(browser);
            assertThat(chartsAnimatingAfterAnUpdate(browser)).isEmpty();

            // Followed as it changes (the page hears of a change at its next rendering), and seen animating when
            // motion is fine.
            prefersReducedMotion(browser, false);
            await().atMost(PAGE_WAIT).untilAsserted(
                    () -> assertThat(chartsAnimatingAfterAnUpdate(browser)).hasSize(CHARTS.size()));
            prefersReducedMotion(browser, true);
            await().atMost(PAGE_WAIT).untilAsserted(() -> assertThat(chartsAnimatingAfterAnUpdate(browser)).isEmpty());
        }
    }

    @Test
    void zoomedTo200PercentOnA1280PixelScreenShowsEverythingWithoutSidewaysScrolling() {
        sendSampleHour();
        try (Browser browser = Browser.desktop("pt-BR")) {
            // A 1280 x 800 screen at 200 %: 640 x 400 CSS pixels, each two device pixels wide.
            browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 640, "height", 400, "deviceScaleFactor", 2, "mobile", false));
            browser.open(dashboard.uri("/?course=" + encode("Refrigeração")));
            awaitLive(browser);
            assertThat((Long) browser.script("return window.innerWidth")).isEqualTo(640L);
            assertThat(((Number) browser.script("return window.devicePixelRatio")).doubleValue()).isEqualTo(2.0);
            browser.findAll(".table-toggle").get(0).click();
            // The newest-enrollments table, ten columns of data, scrolls sideways inside its own box, as WCAG's reflow
            // rule allows a data table to; the box itself fits.
            List<String> key = new ArrayList<>(List.of("h1", "#status", ".lang-switch", "#theme-toggle", "#kpi-total",
                    "#kpi-rejected", "#chips .chip", "#clear-filters", "#alt-course", "#profile-course", "#csv-download",
                    "#card-newest .table-scroll", ".site-footer .links"));
            CHARTS.stream().skip(1).forEach(chart -> key.add("#chart-" + chart)); // the first shows its table
            for (String css : key) {
                WebElement element = browser.find(css);
                browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
                assertThat(element.isDisplayed()).as(css).isTrue();
                List<Number> box = browser.script("""
                        const box = arguments[0].getBoundingClientRect();
                        return [box.left, box.right, box.width, box.height];""", element);
                assertThat(box.get(0).doubleValue()).as(css + " left edge").isGreaterThanOrEqualTo(0);
                assertThat(box.get(1).doubleValue()).as(css + " right edge").isLessThanOrEqualTo(640);
                assertThat(box.get(2).doubleValue() * box.get(3).doubleValue()).as(css + " area").isPositive();
            }
            assertThat((Boolean) browser.script(
                    "return document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"))
                    .as("no sideways scrolling").isTrue();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /**
     * Enrollments from the producer's own generator, with record times spread over most of the last hour
     * (leaving the tests time before the first ones leave the hour), busier at some moments than others, as a
     * live producer's would be. Sent once, for every test.
     */
    static synchronized void sendSampleHour() {
        if (sampleSent) {
            return;
        }
        EnrollmentGenerator generator = new EnrollmentGenerator(
                new GeneratorProperties(2024L, LocalDate.of(2024, 2, 1)), Clock.systemUTC());
        Random random = new Random(2024);
        long now = System.currentTimeMillis();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < SAMPLE_SIZE; i++) {
            double moment;
            do {
                moment = random.nextDouble();
            } while (random.nextDouble() > 0.35 + 0.65 * Math.pow(Math.sin(moment * 2.6 * Math.PI), 2));
            long timestamp = now - SPREAD.toMillis() + (long) (moment * SPREAD.toMillis());
            Enrollment enrollment = generator.next();
            sent.add(producer.send(new ProducerRecord<>(Enrollment.TOPIC, null, timestamp, enrollment.id(),
                    JSON.writeValueAsString(enrollment))));
        }
        for (Future<?> future : sent) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException("could not send the sample", e);
            }
        }
        sampleSent = true;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> dashboard.get("/api/summary").path("totalEnrollments").asLong() >= SAMPLE_SIZE);
    }

    static final List<String> CHARTS = List.of("course", "payment", "shift", "arrivals", "sex", "responsible", "age",
            "courseShift", "enrollmentDate");

    static void useTheme(Browser browser, String wanted) {
        if (!wanted.equals(theme(browser))) {
            browser.find("#theme-toggle").click();
        }
        assertThat(theme(browser)).isEqualTo(wanted);
    }

    /** axe-core on the page in its theme and then in the other one; the page is left in the theme it had. */
    static void axeInBothThemes(Browser browser, String state) {
        String theme = theme(browser);
        String other = theme.equals("light") ? "dark" : "light";
        Axe.check(browser, theme + ", " + state);
        useTheme(browser, other);
        Axe.check(browser, other + ", " + state);
        useTheme(browser, theme);
    }

    static long litRows(Browser browser) {
        return browser.findAll("#newest-rows tr.fresh").size();
    }

    static void press(Browser browser, CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /** Whether the focused element matches {@code css}; fails unless the focus is visibly marked (outline or ring). */
    static boolean focusedOn(Browser browser, String css) {
        List<Object> focus = browser.script("""
                const element = document.activeElement;
                const style = getComputedStyle(element);
                const visible = element !== document.body && ((style.outlineStyle !== 'none'
                    && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
                return [element.matches(arguments[0]), visible, element.outerHTML.slice(0, 120)];""", css);
        assertThat((Boolean) focus.get(1)).as("a visible focus indicator on %s", focus.get(2)).isTrue();
        return (Boolean) focus.get(0);
    }

    static void tabTo(Browser browser, String css) {
        moveFocusTo(browser, css, false);
    }

    static void shiftTabTo(Browser browser, String css) {
        moveFocusTo(browser, css, true);
    }

    /** Tabs (forwards or back) until the element matching {@code css} has the focus, each focus stop visibly marked. */
    static void moveFocusTo(Browser browser, String css, boolean back) {
        for (int stops = 0; stops < 200; stops++) {
            if (back) {
                new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(browser, Keys.TAB);
            }
            if (focusedOn(browser, css)) {
                return;
            }
        }
        throw new AssertionError("never reached " + css + " with the keyboard");
    }

    static void prefersReducedMotion(Browser browser, boolean reduce) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", reduce ? "reduce" : "no-preference"))));
    }

    /** The charts still animating just after each is redrawn from its start, as a new summary would redraw it. */
    static List<String> chartsAnimatingAfterAnUpdate(Browser browser) {
        return browser.script("""
                return [...document.querySelectorAll('canvas')].filter(canvas => {
                    const chart = Chart.getChart(canvas);
                    chart.reset();
                    chart.update();
                    const running = Chart.animator.running(chart);
                    chart.stop();
                    chart.update('none');
                    return running;
                }).map(canvas => canvas.id);""");
    }

    static Enrollment enrollment(String id, String course) {
        return new Enrollment(id, course, "Noite", 5, LocalDate.of(2024, 2, 1), 20, "Feminino", "Sim", "Pix",
                LocalDate.of(2024, 1, 20));
    }

    static void send(Enrollment enrollment, long timestamp) throws Exception {
        producer.send(new ProducerRecord<>(Enrollment.TOPIC, null, timestamp, enrollment.id(),
                JSON.writeValueAsString(enrollment))).get();
    }

    static long coursesTotal(String course) {
        return dashboard.get("/api/summary?course=" + encode(course)).path("totalEnrollments").asLong();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void awaitLive(Browser browser) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "live".equals(state(browser)));
    }

    static String state(Browser browser) {
        return browser.find("#status").getDomAttribute("data-state");
    }

    static String theme(Browser browser) {
        return browser.find("html").getDomAttribute("data-theme");
    }

    /** Waits for the charts' animations and the rows' highlights to end before a screenshot. */
    static void settle(Browser browser) {
        await().atMost(PAGE_WAIT).pollDelay(Duration.ofMillis(700)).until(() -> browser.script("""
                return [...document.querySelectorAll('canvas')]
                        .every(canvas => !Chart.animator.running(Chart.getChart(canvas)))
                    && document.getAnimations().every(animation => animation.effect.getTiming().iterations === Infinity)
                """).equals(Boolean.TRUE));
    }

    static long chartSum(Browser browser, String chart) {
        Number sum = browser.script("""
                const chart = Chart.getChart(document.getElementById('chart-' + arguments[0]));
                return chart.data.datasets.flatMap(dataset => dataset.data).reduce((sum, value) => sum + value, 0);""",
                chart);
        return sum.longValue();
    }

    static List<String> chartLabels(Browser browser, String chart) {
        return browser.script("return Chart.getChart(document.getElementById('chart-' + arguments[0])).data.labels",
                chart);
    }

    static List<String> tableColumn(Browser browser, int column) {
        return browser.findAll("#newest-rows tr td:nth-child(" + column + ")").stream()
                .map(WebElement::getText).toList();
    }

    /** Clicks the bar of {@code label}, as a user would, in the middle of its row. */
    static void clickBar(Browser browser, String chart, String label) {
        WebElement canvas = browser.find("#chart-" + chart);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", canvas);
        List<Number> point = browser.script("""
                const chart = Chart.getChart(arguments[0]);
                const bar = chart.getDatasetMeta(0).data[chart.data.labels.indexOf(arguments[1])];
                const area = chart.chartArea;
                return [(area.left + area.right) / 2 - arguments[0].clientWidth / 2,
                        bar.getProps(['y'], true).y - arguments[0].clientHeight / 2];""", canvas, label);
        new Actions(browser.driver())
                .moveToElement(canvas, point.get(0).intValue(), point.get(1).intValue())
                .click()
                .perform();
    }

    static void assertNothingRan(Browser browser) {
        assertThat(browser.alertShown()).as("an alert opened").isFalse();
        assertThat(browser.findAll("img")).as("an <img> element was made from the data").isEmpty();
    }
}
