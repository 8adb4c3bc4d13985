package dev.matriculas.benchmarks.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.matriculas.benchmarks.Bench;
import dev.matriculas.benchmarks.DashboardProcess;
import dev.matriculas.contract.Enrollment;
import dev.matriculas.localkafka.LocalKafka;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import dev.matriculas.producer.generator.GeneratorProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard as users run it (its runnable jar, its own JVM) on a topic already holding enrollments:
 * time from launch to the first answer and to the whole topic shown, then Server-Sent-Events fan-out to
 * many concurrent clients: the delay from sending a record to each client receiving the summary that
 * shows it, and the dashboard's memory with and without those clients.
 *
 * <p>Arguments: dashboard jar, records on the topic (100000), clients (1000), marker records (30), the dashboard's
 * heap (512m; an open stream holds about 110 KB of it, mostly the web server's buffers for its connection).
 */
public final class LiveDashboardBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = DashboardProcess.HTTP;

    private LiveDashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int markers = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String heap = "-Xmx" + (args.length > 4 ? args[4] : "512m");
        try (LocalKafka kafka = Bench.kafka()) {
            Bench.fill(kafka, records);
            try (DashboardProcess dashboard = DashboardProcess.launch(kafka.bootstrapServers(), Path.of("."),
                    List.of(heap, "-jar", jar.toAbsolutePath().toString()))) {
                startUp(dashboard, records, heap);
                fanOut(dashboard, kafka, clients, markers);
            }
        }
        System.exit(0);
    }

    private static void startUp(DashboardProcess dashboard, int records, String heap) {
        Bench.header(String.format(Locale.ROOT, "Dashboard start-up (%s, topic holding %,d enrollments)", heap, records));
        dashboard.java().waitFor(() -> dashboard.summary() != null);
        Bench.print("launch to first /api/summary answer", seconds(dashboard.java().nanosSinceLaunch()));
        dashboard.java().waitFor(() -> {
            JsonNode summary = dashboard.summary();
            return summary != null && summary.path("totalEnrollments").asLong() == records;
        });
        Bench.print(String.format(Locale.ROOT, "launch to all %,d enrollments shown", records),
                seconds(dashboard.java().nanosSinceLaunch()));
    }

    private static void fanOut(DashboardProcess dashboard, LocalKafka kafka, int clients, int markers) throws Exception {
        URI base = dashboard.base();
        Bench.header(String.format(Locale.ROOT, "Server-Sent-Events fan-out to %,d clients (%d records, one at a time)",
                clients, markers));
        long heapAlone = dashboard.java().heapAfterGc();
        long rssAlone = dashboard.java().rss();
        long[][] delays = new long[markers][clients];
        for (long[] row : delays) {
            Arrays.fill(row, -1);
        }
        Marker marker = new Marker();
        AtomicInteger open = new AtomicInteger();
        List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            streams.add(HTTP.sendAsync(HttpRequest.newBuilder(base.resolve("/api/stream")).build(),
                    HttpResponse.BodyHandlers.fromSubscriber(new Client(i, marker, delays, open))));
        }
        dashboard.java().waitFor(() -> open.get() == clients);
        long heap = dashboard.java().heapAfterGc();
        long resident = dashboard.java().rss();
        Bench.print("heap after GC, no client", megabytes(heapAlone));
        Bench.print(String.format(Locale.ROOT, "heap after GC, %,d clients", clients), megabytes(heap));
        Bench.print("heap per client", kilobytes((heap - heapAlone) / clients));
        Bench.print("resident memory (RSS), no client", megabytes(rssAlone));
        Bench.print(String.format(Locale.ROOT, "resident memory (RSS), %,d clients", clients), megabytes(resident));
        Bench.print("resident memory per client", kilobytes((resident - rssAlone) / clients));

        EnrollmentGenerator generator = new EnrollmentGenerator(new GeneratorProperties(7L, LocalDate.of(2024, 2, 1)),
                Clock.systemUTC());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int m = 0; m < markers; m++) {
                Enrollment enrollment = generator.next();
                int index = m;
                marker.set(enrollment.id(), index);
                producer.send(new ProducerRecord<>(Enrollment.TOPIC, enrollment.id(), JSON.writeValueAsString(enrollment)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (Arrays.stream(delays[index]).anyMatch(delay -> delay < 0) && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(5_000_000);
                }
            }
        }
        long[] all = Arrays.stream(delays).flatMapToLong(Arrays::stream).filter(delay -> delay >= 0).sorted().toArray();
        Bench.print("deliveries (record x client)", String.format(Locale.ROOT, "%,d of %,d", all.length, markers * clients));
        Bench.print("send-to-client delay, median", millis(percentile(all, 0.50)));
        Bench.print("send-to-client delay, p99", millis(percentile(all, 0.99)));
        Bench.print("send-to-client delay, max", millis(all.length == 0 ? 0 : all[all.length - 1]));
        streams.forEach(stream -> stream.cancel(true));
    }

    /** The record each client is watching for, and when it was sent. */
    private static final class Marker {
        volatile String id;
        volatile int index = -1;
        volatile long sentAt;

        void set(String id, int index) {
            this.sentAt = System.nanoTime();
            this.id = id;
            this.index = index;
        }
    }

    /**
     * One SSE client: counts itself open at its first bytes (the summary a stream starts with) and notes when each
     * marker's id first shows up in what it reads. It looks for the id in the bytes as they come rather than
     * decoding lines: a thousand clients in one process decoding every summary into lines would cost more CPU
     * than the dashboard's writes, on the same cores, and the delay would measure the clients.
     */
    private static final class Client implements Flow.Subscriber<List<ByteBuffer>> {
        /** Kept from the end of each read, as an id may be split between two. */
        private static final int TAIL = 64;
        private final int number;
        private final Marker marker;
        private final long[][] delays;
        private final AtomicInteger open;
        private boolean counted;
        private String tail = "";

        Client(int number, Marker marker, long[][] delays, AtomicInteger open) {
            this.number = number;
            this.marker = marker;
            this.delays = delays;
            this.open = open;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (!counted) {
                counted = true;
                open.incrementAndGet();
            }
            for (ByteBuffer buffer : buffers) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                // Latin-1 reads a byte as a character, with no decoding; the ids are ASCII.
                String text = tail + new String(bytes, StandardCharsets.ISO_8859_1);
                int index = marker.index;
                if (index >= 0 && delays[index][number] < 0 && text.contains(marker.id)) {
                    delays[index][number] = System.nanoTime() - marker.sentAt;
                }
                tail = text.substring(Math.max(0, text.length() - TAIL));
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    private static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}
