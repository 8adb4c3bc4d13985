package dev.matriculas.benchmarks.streams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.matriculas.benchmarks.Bench;
import dev.matriculas.benchmarks.JavaProcess;
import dev.matriculas.localkafka.LocalKafka;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard beside the Kafka Streams application a user might build instead ({@link FiguresTopology}): both
 * replay the same records from the same broker in the same run, each in a JVM of its own ({@value #HEAP}),
 * one after the other, each started on the already-filled topic. The records are generated enrollments with
 * updates of earlier ids and tombstones among them ({@link ChangingEnrollments}).
 *
 * <p><b>Replay rate</b>, measured the same way for both: each is asked every {@value #POLL_MILLIS} ms how many
 * records of the topic its figures include (the dashboard: {@code pipeline.consumed} of {@code /api/summary}; Kafka
 * Streams: its consumer group's committed offsets on the topic, with every repartition topic read to its end at
 * the last). The rate is the records from the first answer above 0 to the answer of all of them, over the time
 * between those answers: start-up, group join and the first records are left out for both.
 *
 * <p>Then heap in use after a full collection and resident memory (RocksDB keeps its tables outside the heap),
 * and the figures of both, which must be equal: total distinct enrollments and the counts by course, payment,
 * shift, sex, financial responsibility, age band and course by shift (the dashboard's zero-count age bands
 * between others left out). Any difference fails the benchmark.
 *
 * <p>Arguments: dashboard jar, records (1000000), Kafka Streams state directory.
 */
public final class StreamsBenchmark {

    static final int POLL_MILLIS = 50;
    /** The same heap for both readers. */
    static final String HEAP = "-Xmx1g";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StreamsBenchmark() {
    }

    /** A reader's replay rate, memory once caught up, and figures. */
    private record Reading(double rate, long heap, long rss, ObjectNode figures) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path stateDir = Path.of(args.length > 2 ? args[2] : "benchmarks/target/streams-state");
        try (LocalKafka kafka = Bench.kafka()) {
            int current = ChangingEnrollments.fill(kafka, records);
            Reading dashboard = dashboard(kafka, jar, records);
            Reading streams = streams(kafka, stateDir, records);
            Bench.header(String.format(Locale.ROOT, "Dashboard and Kafka Streams: replay of %,d records (every %dth an update, "
                    + "every %dth a tombstone; %,d ids current)", records, ChangingEnrollments.UPDATE_EVERY,
                    ChangingEnrollments.TOMBSTONE_EVERY, current));
            Bench.print("dashboard replay", String.format(Locale.ROOT, "%,.0f records/s", dashboard.rate()));
            Bench.print("Kafka Streams replay", String.format(Locale.ROOT, "%,.0f records/s", streams.rate()));
            Bench.print("dashboard / Kafka Streams replay rate (target >= 3)",
                    String.format(Locale.ROOT, "%.1f", dashboard.rate() / streams.rate()));
            Bench.print("heap after GC: dashboard; Kafka Streams", megabytes(dashboard.heap()) + "; " + megabytes(streams.heap()));
            Bench.print("resident memory: dashboard; Kafka Streams", megabytes(dashboard.rss()) + "; " + megabytes(streams.rss()));
            List<String> differences = FiguresCheck.differences(dashboard.figures(), streams.figures(), current);
            if (!differences.isEmpty()) {
                throw new IllegalStateException("the figures differ:\n" + String.join("\n", differences));
            }
            Bench.print("figures equal (total and 7 breakdowns)", String.format(Locale.ROOT, "yes, %,d ids", current));
        } finally {
            FileSystemUtils.deleteRecursively(stateDir);
        }
        System.exit(0);
    }

    private static Reading dashboard(LocalKafka kafka, Path jar, int records) throws Exception {
        int port = JavaProcess.freePort();
        URI summary = URI.create("http://localhost:" + port + "/api/summary");
        try (JavaProcess dashboard = JavaProcess.start("dashboard", Path.of("."), Map.of("KAFKA_BOOTSTRAP_SERVERS",
                kafka.bootstrapServers(), "DASHBOARD_PORT", Integer.toString(port)), List.of(HEAP, "-jar", jar.toString()))) {
            double rate = replayRate(dashboard, records, () -> {
                JsonNode answer = get(summary);
                return answer == null ? 0 : answer.path("pipeline").path("consumed").asLong();
            });
            return new Reading(rate, dashboard.heapAfterGc(), dashboard.rss(), (ObjectNode) get(summary));
        }
    }

    private static Reading streams(LocalKafka kafka, Path stateDir, int records) throws Exception {
        FileSystemUtils.deleteRecursively(stateDir);
        int port = JavaProcess.freePort();
        URI figures = URI.create("http://localhost:" + port + "/figures");
        try (StreamsProgress progress = new StreamsProgress(kafka.bootstrapServers(), StreamsFiguresApp.APPLICATION_ID);
                JavaProcess streams = JavaProcess.start("streams", Path.of("."), Map.of(), List.of(HEAP, "-cp",
                        System.getProperty("java.class.path"), StreamsFiguresApp.class.getName(), kafka.bootstrapServers(),
                        Integer.toString(port), stateDir.toString()))) {
            double rate = replayRate(streams, records, progress::recordsDone);
            JsonNode answer = get(figures);
            if (answer == null) {
                throw new IllegalStateException("Kafka Streams caught up but does not answer its figures; see " + streams.log());
            }
            return new Reading(rate, streams.heapAfterGc(), streams.rss(), (ObjectNode) answer);
        }
    }

    /** How many of the topic's records a reader's figures include; 0 while it cannot tell. */
    interface Progress {
        long recordsDone() throws Exception;
    }

    /** Records per second from the first poll that shows progress to the one that shows all {@code records}. */
    private static double replayRate(JavaProcess reader, int records, Progress progress) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        long firstAt = 0;
        long first = 0;
        long done;
        while ((done = progress.recordsDone()) < records) {
            if (firstAt == 0 && done > 0) {
                firstAt = System.nanoTime();
                first = done;
            }
            if (!reader.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the replay did not finish: " + done + " of " + records + "; see " + reader.log());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
        if (firstAt == 0) {
            throw new IllegalStateException("the whole replay fell between two polls: too few records to time");
        }
        return (records - first) * 1e9 / (System.nanoTime() - firstAt);
    }

    /** The answer's JSON, or null while the reader is not up or not ready. */
    private static JsonNode get(URI uri) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}
