package dev.matriculas.benchmarks.latency;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.matriculas.benchmarks.Bench;
import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardApplication;
import dev.matriculas.localkafka.LocalKafka;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * From a producer's acknowledged send to the browser's DOM showing the record, at a steady rate (1,000 records
 * a second unless told).
 * <p>
 * A real broker, the dashboard, and Debian's headless Chromium on the dashboard page. The load is realistic
 * enrollments; among them, every 50 ms (below 100 records/s, every record), a probe: an enrollment of a course
 * of its own. The page is filtered to that course, so its table lists the probes, each the moment it arrives
 * (a page showing everything would list only the newest 20 of each update, the luckiest records). A MutationObserver in the page notes when
 * each probe's row enters the DOM, a wrapper around the page's EventSource when the first summary listing it
 * arrived, and the producer's callback when Kafka acknowledged it: the time splits into the server's part
 * (consumer, push interval, summary) and the browser's (drawing). All clocks are this machine's wall clock.
 * Usage: {@code LatencyBenchmark [seconds measured (60)] [push interval (200ms)] [records/s (1000)]}: the push
 * interval is the dashboard's {@code dashboard.push-interval}, the longest a change waits to be sent.
 */
public final class LatencyBenchmark {

    /** At 100 records/s or more, records go 10 ms at a time, a probe among them every 50 ms. */
    private static final int TICK_MILLIS = 10;
    private static final int PROBE_EVERY_TICKS = 5;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final String PROBE_COURSE = "Sonda de latência";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Notes, before the page's own scripts run, when a summary first lists each enrollment (epoch ms). */
    private static final String NOTE_ARRIVALS = """
            window.arrived = {};
            const PageEventSource = window.EventSource;
            window.EventSource = class extends PageEventSource {
                constructor(url) {
                    super(url);
                    this.addEventListener('summary', event => {
                        const now = performance.timeOrigin + performance.now();
                        for (const enrollment of JSON.parse(event.data).newest) {
                            window.arrived[enrollment.id_matricula] ??= now;
                        }
                    });
                }
            };
            """;

    /** Notes, in the page, when each probe's row first enters the table (epoch milliseconds). */
    private static final String OBSERVE = """
            window.shown = {};
            new MutationObserver(mutations => {
                const now = performance.timeOrigin + performance.now();
                for (const mutation of mutations) {
                    for (const row of mutation.addedNodes) {
                        if (row.dataset && !(row.dataset.id in window.shown)) {
                            window.shown[row.dataset.id] = now;
                        }
                    }
                }
            }).observe(document.getElementById('newest-rows'), {childList: true});
            """;

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measured = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 60);
        String pushInterval = args.length > 1 ? args[1] : "200ms";
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        if (rate < 1 || (rate < 100 ? 1000 % rate != 0 : rate % 100 != 0)) {
            System.err.println("latency: the rate must be a multiple of 100 records/s (records are sent 10 ms at a time),"
                    + " or below 100 a divisor of 1000 (1, 2, 5, 10, ...: each record is then a probe)");
            System.exit(2);
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            System.err.println("latency: needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
            System.exit(2);
        }
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        try (LocalKafka kafka = Bench.kafka();
             ConfigurableApplicationContext dashboard = new SpringApplicationBuilder(DashboardApplication.class).run(
                     "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                     "--logging.level.root=warn", "--spring.main.banner-mode=off",
                     "--dashboard.push-interval=" + pushInterval,
                     // Both services' application.yml are on this classpath: name the dashboard's.
                     "--spring.config.location=file:dashboard-service/src/main/resources/application.yml");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.ACKS_CONFIG, "all"))) {
            int port = ((WebServerApplicationContext) dashboard).getWebServer().getPort();
            ChromeDriver browser = browser();
            try {
                browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NOTE_ARRIVALS));
                browser.get("http://localhost:" + port + "/?course="
                        + java.net.URLEncoder.encode(PROBE_COURSE, StandardCharsets.UTF_8).replace("+", "%20"));
                awaitLive(browser);
                browser.executeScript(OBSERVE);
                Map<String, Double> acknowledged = load(producer, measured, rate);
                Map<String, Number> shown = lastProbesShown(browser, acknowledged);
                @SuppressWarnings("unchecked")
                Map<String, Number> arrived = (Map<String, Number>) browser.executeScript("return window.arrived");
                report(acknowledged, arrived, shown, measured, pushInterval, rate);
            } finally {
                browser.quit();
            }
        }
        System.exit(0);
    }

    /**
     * Sends {@code rate} records a second, {@value #TICK_MILLIS} ms at a time (below 100 records/s, one record at a
     * time, each a probe), for the warm-up and then the measured time. Returns the acknowledgement time (epoch ms)
     * of each probe sent after the warm-up.
     */
    private static Map<String, Double> load(KafkaProducer<String, String> producer, Duration measured, int rate)
            throws InterruptedException {
        EnrollmentGenerator generator = Bench.generator();
        Map<String, Double> acknowledged = new ConcurrentHashMap<>();
        boolean slow = rate < 100;
        int tickMillis = slow ? 1000 / rate : TICK_MILLIS;
        int perTick = slow ? 1 : rate * TICK_MILLIS / 1000;
        int probeEveryTicks = slow ? 1 : PROBE_EVERY_TICKS;
        long warmUpTicks = WARM_UP.toMillis() / tickMillis;
        long ticks = warmUpTicks + measured.toMillis() / tickMillis;
        AtomicInteger tick = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            int current = tick.getAndIncrement();
            if (current >= ticks) {
                return;
            }
            for (int i = 0; i < perTick; i++) {
                Enrollment enrollment = generator.next();
                boolean probe = i == 0 && current % probeEveryTicks == 0;
                if (probe) {
                    enrollment = asProbe(enrollment);
                }
                boolean counted = probe && current >= warmUpTicks;
                String id = enrollment.id();
                producer.send(new ProducerRecord<>(Enrollment.TOPIC, id, JSON.writeValueAsString(enrollment)),
                        (metadata, error) -> {
                            if (counted && error == null) {
                                acknowledged.put(id, epochMillis());
                            }
                        });
            }
        }, 0, tickMillis, TimeUnit.MILLISECONDS);
        while (tick.get() < ticks) {
            Thread.sleep(100);
        }
        pacer.shutdown();
        producer.flush();
        return acknowledged;
    }

    private static Enrollment asProbe(Enrollment e) {
        return new Enrollment(e.id(), PROBE_COURSE, e.shift(), e.durationSemesters(), e.courseStart(), e.age(),
                e.sex(), e.financiallyResponsible(), e.payment(), e.enrollmentDate());
    }

    private static double epochMillis() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1_000_000.0;
    }

    /** What the page noted, once the last probes have had a few updates' time to show. */
    @SuppressWarnings("unchecked")
    private static Map<String, Number> lastProbesShown(ChromeDriver browser, Map<String, Double> acknowledged)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Map<String, Number> shown;
        do {
            Thread.sleep(200);
            shown = (Map<String, Number>) browser.executeScript("return window.shown");
        } while (!shown.keySet().containsAll(acknowledged.keySet()) && System.nanoTime() < deadline);
        return shown;
    }

    private static void report(Map<String, Double> acknowledged, Map<String, Number> arrived,
            Map<String, Number> shown, Duration measured, String pushInterval, int rate) {
        List<Double> total = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        List<Double> browser = new ArrayList<>();
        for (Map.Entry<String, Double> probe : acknowledged.entrySet()) {
            Number seen = shown.get(probe.getKey());
            Number received = arrived.get(probe.getKey());
            if (seen != null && received != null) {
                total.add(seen.doubleValue() - probe.getValue());
                server.add(received.doubleValue() - probe.getValue());
                browser.add(seen.doubleValue() - received.doubleValue());
            }
        }
        Bench.header(String.format(Locale.ROOT,
                "Latency from acknowledged send to the page's DOM, at %,d records/s for %d s, push interval %s",
                rate, measured.toSeconds(), pushInterval));
        Bench.print("probes measured (one every " + (rate < 100 ? 1000 / rate : TICK_MILLIS * PROBE_EVERY_TICKS) + " ms)",
                String.valueOf(total.size()));
        Bench.print("probes never shown", String.valueOf(acknowledged.size() - total.size()));
        Bench.print("latency (median / p90 / p99)", "");
        if (!total.isEmpty()) {
            print(String.format(Locale.ROOT, "acknowledged -> row in the DOM, at %,d records/s", rate), total);
            print("  server: acknowledged -> summary at the page", server);
            print("  browser: summary at the page -> row in the DOM", browser);
        }
    }

    private static void print(String what, List<Double> latencies) {
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Bench.print(what, String.format(Locale.ROOT, "%s / %s / %s",
                millis(percentile(sorted, 50)), millis(percentile(sorted, 90)), millis(percentile(sorted, 99))));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static void awaitLive(ChromeDriver browser) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"live".equals(browser.executeScript("return document.getElementById('status').dataset.state"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page did not go live within 30 s");
            }
            Thread.sleep(100);
        }
    }

    /** Debian's Chromium through its own chromedriver, as the browser tests run it: nothing downloaded. */
    private static ChromeDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000",
                "--user-data-dir=" + Files.createTempDirectory("latency-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
