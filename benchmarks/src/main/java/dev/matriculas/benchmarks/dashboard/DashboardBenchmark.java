package dev.matriculas.benchmarks.dashboard;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import com.sun.management.OperatingSystemMXBean;

import dev.matriculas.benchmarks.Bench;
import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.Topics;
import dev.matriculas.dashboard.DashboardApplication;
import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.status.PipelineMonitor;
import dev.matriculas.dashboard.store.Change;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.localkafka.LocalKafka;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard's figures: replay rate against a bare consumer on the same broker in the same
 * run, the cost of building a summary at 1,000 and 1,000,000 enrollments, and heap per enrollment.
 * Usage: {@code DashboardBenchmark [records]} (default 1,000,000).
 */
public final class DashboardBenchmark {

    private static final Filter FILTER = new Filter("Edificações", "Noite", null, null);
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean SYSTEM = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /**
     * The start of the names of the dashboard's listener threads, one a partition, which fetch, parse and fold
     * ({@code EnrollmentListener}): enrollments-0-C-1, enrollments-1-C-1, ...
     */
    private static final String LISTENER_THREAD = "enrollments-";
    private static final int REPLAY_ROUNDS = 10;
    private static final int WARM_ROUNDS = 5;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        // The replay first, while the parser and the store are as cold as in a dashboard just started.
        Bench.header("Dashboard: replay of " + String.format(Locale.ROOT, "%,d", records) + " records");
        replay(records);
        Bench.header("Dashboard: summary cost and memory");
        memoryPerEnrollment(records);
        summaryCost(1_000);
        summaryCost(records);
        System.exit(0);
    }

    private static EnrollmentStore store() {
        return new EnrollmentStore(new Binder().bindOrCreate("dashboard", DashboardProperties.class), Clock.systemUTC());
    }

    /** Enrollments are made one at a time and dropped, so their ids count against the store, as when read from Kafka. */
    private static EnrollmentStore filled(int size) {
        EnrollmentStore store = store();
        EnrollmentGenerator generator = Bench.generator();
        long now = System.currentTimeMillis();
        for (int i = 0; i < size; i++) {
            store.apply(List.of(Change.put(generator.next(), now - size + i)));
        }
        return store;
    }

    private static void memoryPerEnrollment(int size) {
        long before = Bench.usedHeap();
        EnrollmentStore store = filled(size);
        long after = Bench.usedHeap();
        Bench.print(String.format(Locale.ROOT, "heap per retained enrollment at %,d", store.size()),
                String.format(Locale.ROOT, "%d bytes", (after - before) / store.size()));
    }

    private static void summaryCost(int size) {
        EnrollmentStore store = filled(size);
        Bench.print(String.format(Locale.ROOT, "summary, unfiltered, at %,d (median)", size),
                micros(time(() -> store.figures(Filter.NONE, 20), 2_000)));
        Bench.print(String.format(Locale.ROOT, "summary, course+shift filter, at %,d (median)", size),
                micros(time(() -> store.figures(FILTER, 20), size > 100_000 ? 60 : 2_000)));
    }

    /** Median nanoseconds of {@code runs} calls, after as many calls to warm up. */
    private static long time(Runnable call, int runs) {
        for (int i = 0; i < runs; i++) {
            call.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[runs / 2];
    }

    private static String micros(long nanos) {
        return nanos >= 1_000_000 ? String.format(Locale.ROOT, "%.2f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    private static void replay(int records) throws Exception {
        try (LocalKafka kafka = Bench.kafka()) {
            Bench.fill(kafka, records);
            // Round 1 runs in a cold JVM, as after a restart (only the broker, in this JVM too, is warm from the
            // fill, as a running broker is): the JIT compiles Kafka's consumer, Spring and the fold while they run.
            // Each round reads the topic with the bare consumer, then with a new dashboard; by the last rounds
            // most of the code is compiled.
            double warmBare = 0;
            double warmDashboard = 0;
            double warmBareCpu = 0;
            double warmDashboardCpu = 0;
            double warmListenerCpu = 0;
            for (int round = 1; round <= REPLAY_ROUNDS; round++) {
                Read bare = bareConsumerRead(kafka, records);
                Read dashboard = dashboardRead(kafka, records);
                String name = round == 1 ? "round 1 (cold JVM)" : "round " + round;
                Bench.print(name + ": bare KafkaConsumer; dashboard", rate(bare) + "; " + rate(dashboard) + " records/s");
                // On a few cores the JIT and the collector compete with the reads: how long each worked during a
                // read says how far its rate is from the compiled code's alone.
                Bench.print(name + ": dashboard / bare; JIT; GC pauses", String.format(Locale.ROOT,
                        "%.2f; %.1f s / %.1f s; %.2f s / %.2f s", dashboard.rate() / bare.rate(), bare.compiling(),
                        dashboard.compiling(), bare.collecting(), dashboard.collecting()));
                Bench.print(name + ": CPU a record: bare; dashboard (listener threads)", cpu(bare.cpu(), dashboard.cpu(), dashboard.listenerCpu()));
                if (round > REPLAY_ROUNDS - WARM_ROUNDS) {
                    warmBare += bare.rate() / WARM_ROUNDS;
                    warmDashboard += dashboard.rate() / WARM_ROUNDS;
                    warmBareCpu += bare.cpu() / WARM_ROUNDS;
                    warmDashboardCpu += dashboard.cpu() / WARM_ROUNDS;
                    warmListenerCpu += dashboard.listenerCpu() / WARM_ROUNDS;
                }
            }
            Bench.print("warm: mean rate of the last " + WARM_ROUNDS + " rounds: bare; dashboard", String.format(Locale.ROOT,
                    "%,.0f; %,.0f records/s", warmBare, warmDashboard));
            Bench.print("warm: dashboard / bare, of those means", String.format(Locale.ROOT, "%.2f", warmDashboard / warmBare));
            Bench.print("warm: mean CPU a record: bare; dashboard (listener threads)", cpu(warmBareCpu, warmDashboardCpu, warmListenerCpu));
        }
    }

    private static String cpu(double bare, double dashboard, double listener) {
        return String.format(Locale.ROOT, "%.2f; %.2f (%.2f) µs", bare / 1e3, dashboard / 1e3, listener / 1e3);
    }

    /**
     * A timed read: records per second, the seconds the JIT spent compiling and the collector paused the reads
     * meanwhile, and the CPU time per record of the whole JVM (broker, JIT and garbage collector included) and of the
     * dashboard's listener threads. On a few cores a rate follows the CPU a record costs, so these say where the
     * difference between the two comes from.
     */
    private record Read(double rate, double compiling, double cpu, double listenerCpu, double collecting) {
    }

    /** What the clocks said when a read started. */
    private record Start(long nanos, long compileMillis, long cpuNanos, long listenerCpuNanos, long collectedMillis) {

        static Start now() {
            return new Start(System.nanoTime(), COMPILER.getTotalCompilationTime(), SYSTEM.getProcessCpuTime(),
                    listenerThreadCpu(), totalCollectionMillis());
        }

        private static long totalCollectionMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
        }

        Read read(long records) {
            return new Read(records * 1e9 / (System.nanoTime() - nanos),
                    (COMPILER.getTotalCompilationTime() - compileMillis) / 1e3,
                    (SYSTEM.getProcessCpuTime() - cpuNanos) / (double) records,
                    (listenerThreadCpu() - listenerCpuNanos) / (double) records,
                    (totalCollectionMillis() - collectedMillis) / 1e3);
        }

        /** CPU time of the running dashboard's listener threads together; 0 when there is none. */
        private static long listenerThreadCpu() {
            long cpu = 0;
            for (var thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (thread != null && thread.getThreadName().startsWith(LISTENER_THREAD) && thread.getThreadName().contains("-C-")) {
                    cpu += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
                }
            }
            return cpu;
        }
    }

    private static Read bareConsumerRead(LocalKafka kafka, int records) {
        collectEarlierGarbage();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000))) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.DEFAULT_PARTITIONS)
                    .mapToObj(partition -> new TopicPartition(Enrollment.TOPIC, partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long first = 0;
            while (first == 0) {
                first = count(consumer.poll(Duration.ofMillis(500)));
            }
            // Timed from the first records read: connecting and fetching metadata excluded.
            Start start = Start.now();
            long read = first;
            while (read < records) {
                read += count(consumer.poll(Duration.ofMillis(500)));
            }
            return start.read(read - first);
        }
    }

    /**
     * Every read starts on a collected heap: otherwise what the earlier ones left (a closed dashboard's million
     * enrollments) can land a full collection in the middle of whichever read comes next.
     */
    private static void collectEarlierGarbage() {
        Bench.usedHeap();
    }

    /** Touches every value, so the loop is not optimised away. */
    private static long count(ConsumerRecords<byte[], byte[]> batch) {
        long read = 0;
        for (var record : batch) {
            read += record.value().length > 0 ? 1 : 0;
        }
        return read;
    }

    private static Read dashboardRead(LocalKafka kafka, int records) {
        collectEarlierGarbage();
        try (ConfigurableApplicationContext dashboard = new SpringApplicationBuilder(DashboardApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--logging.level.root=warn", "--spring.main.banner-mode=off",
                // Both services' application.yml are on this classpath: name the dashboard's.
                "--spring.config.location=file:dashboard-service/src/main/resources/application.yml")) {
            PipelineMonitor pipeline = dashboard.getBean(PipelineMonitor.class);
            EnrollmentStore store = dashboard.getBean(EnrollmentStore.class);
            // Timed from the first record read, as the bare consumer is: start-up and group join excluded.
            long first;
            while ((first = pipeline.status().consumed()) == 0) {
                LockSupport.parkNanos(100_000);
            }
            Start start = Start.now();
            if (start.listenerCpuNanos() == 0) {
                throw new IllegalStateException("no thread named " + LISTENER_THREAD + "... is folding: listener id renamed in EnrollmentListener?");
            }
            while (pipeline.status().consumed() < records) {
                LockSupport.parkNanos(1_000_000);
            }
            Read read = start.read(records - first);
            if (store.size() != records) {
                throw new IllegalStateException("the dashboard holds " + store.size() + " enrollments, expected " + records);
            }
            return read;
        }
    }

    private static String rate(Read read) {
        return String.format(Locale.ROOT, "%,.0f", read.rate());
    }
}
