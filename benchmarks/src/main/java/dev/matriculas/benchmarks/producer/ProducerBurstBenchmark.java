package dev.matriculas.benchmarks.producer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;
import dev.matriculas.contract.Enrollment;
import dev.matriculas.localkafka.LocalKafka;
import dev.matriculas.producer.ProducerApplication;
import dev.matriculas.producer.publishing.EnrollmentPublisher;
import dev.matriculas.producer.publishing.PublishingLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Burst throughput of the producer service's publishing path (generator, publisher, KafkaTemplate, all as
 * configured in its application.yml, in this process) next to a bare KafkaProducer sending the same bytes
 * in a loop, as Kafka's {@code kafka-producer-perf-test} does, on the same local broker in the same run.
 * Each side runs a warm-up burst and then several measured ones, alternating; medians are reported.
 * <p>
 * Arguments: records per burst (default 200000), measured bursts per side (default 5).
 */
public final class ProducerBurstBenchmark {

    private static final int DISTINCT_RECORDS = 10_000;

    private ProducerBurstBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path data = Files.createTempDirectory("producer-benchmark");
        try (LocalKafka kafka = LocalKafka.onFreePorts(data).start();
                ConfigurableApplicationContext service = new SpringApplicationBuilder(ProducerApplication.class).run(
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0",
                        "--producer.paused=true",
                        // Both services' application.yml are on this classpath: name the producer's.
                        "--spring.config.location=file:producer-service/src/main/resources/application.yml")) {
            ServiceBurst serviceBurst = new ServiceBurst(service);
            serviceBurst.run(records / 2);
            BareProducer bare = new BareProducer(kafka.bootstrapServers(), sameBytes(kafka.bootstrapServers()));
            try (bare) {
                bare.run(records / 2);
                Run[] serviceRuns = new Run[rounds];
                Run[] bareRuns = new Run[rounds];
                double[] ratios = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    serviceRuns[round] = Run.timed(records, () -> serviceBurst.run(records));
                    bareRuns[round] = Run.timed(records, () -> bare.run(records));
                    ratios[round] = serviceRuns[round].perSecond() / bareRuns[round].perSecond();
                    System.out.printf("round %d: service %s | bare KafkaProducer %s | ratio %.2f%n",
                            round + 1, serviceRuns[round], bareRuns[round], ratios[round]);
                }
                double serviceCpu = median(Run.cpu(serviceRuns));
                double bareCpu = median(Run.cpu(bareRuns));
                System.out.printf("%nBursts of %,d records (average value %d bytes), median of %d rounds%n", records,
                        bare.averageBytes(), rounds);
                System.out.printf("  producer service burst : %,10.0f records/s %6.1f µs CPU per record%n",
                        median(Run.rates(serviceRuns)), serviceCpu);
                System.out.printf("  bare KafkaProducer     : %,10.0f records/s %6.1f µs CPU per record%n",
                        median(Run.rates(bareRuns)), bareCpu);
                // Each round's two runs share the machine's load at that moment, so their ratio is the steadier
                // figure; the CPU per record (this whole process, broker included) hardly depends on that load.
                System.out.printf("  ratio (median by round): %10.2f (target: at least 0.50)%n", median(ratios));
                System.out.printf("  ratio by CPU per record: %10.2f%n", bareCpu / serviceCpu);
            }
        } finally {
            deleteRecursively(data);
        }
    }

    /** One timed burst: wall-clock rate, and the CPU time this process spent per record meanwhile. */
    private record Run(double perSecond, double cpuMicrosPerRecord) {

        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        static Run timed(int records, Runnable burst) {
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            burst.run();
            long wall = System.nanoTime() - start;
            return new Run(records / (wall / 1e9), (OS.getProcessCpuTime() - cpu) / 1e3 / records);
        }

        static double[] rates(Run[] runs) {
            return Arrays.stream(runs).mapToDouble(Run::perSecond).toArray();
        }

        static double[] cpu(Run[] runs) {
            return Arrays.stream(runs).mapToDouble(Run::cpuMicrosPerRecord).toArray();
        }

        @Override
        public String toString() {
            return String.format("%,.0f records/s, %.1f µs CPU/record", perSecond, cpuMicrosPerRecord);
        }
    }

    /** {@code POST /api/producer/burst?count=N} without the HTTP: timed until Kafka acknowledged all N. */
    private static final class ServiceBurst {

        private final PublishingLoop loop;
        private final EnrollmentPublisher publisher;

        ServiceBurst(ConfigurableApplicationContext service) {
            this.loop = service.getBean(PublishingLoop.class);
            this.publisher = service.getBean(EnrollmentPublisher.class);
        }

        void run(int records) {
            long target = publisher.sent() + records;
            loop.burst(records);
            while (publisher.sent() < target) {
                if (publisher.failed() > 0) {
                    throw new IllegalStateException(publisher.failed() + " records failed");
                }
                LockSupport.parkNanos(200_000);
            }
        }
    }

    /** A KafkaProducer with Kafka's defaults (acks=all, idempotent), as kafka-producer-perf-test runs it. */
    private static final class BareProducer implements AutoCloseable {

        private final KafkaProducer<byte[], byte[]> producer;
        private final List<byte[][]> keysAndValues;

        BareProducer(String bootstrapServers, List<byte[][]> keysAndValues) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            this.producer = new KafkaProducer<>(config);
            this.keysAndValues = keysAndValues;
        }

        void run(int records) {
            AtomicLong failed = new AtomicLong();
            for (int i = 0; i < records; i++) {
                byte[][] record = keysAndValues.get(i % keysAndValues.size());
                producer.send(new ProducerRecord<>(Enrollment.TOPIC, record[0], record[1]), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " records failed");
            }
        }

        int averageBytes() {
            return (int) keysAndValues.stream().mapToInt(record -> record[1].length).average().orElse(0);
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /** The bytes of records the service itself sent, read back from the topic: the same bytes, key and value. */
    private static List<byte[][]> sameBytes(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Enrollment.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<byte[][]> records = new ArrayList<>(DISTINCT_RECORDS);
            while (records.size() < DISTINCT_RECORDS) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new byte[][] {record.key(), record.value()});
                }
            }
            return records.subList(0, DISTINCT_RECORDS);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
