package dev.matriculas.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.Topics;
import dev.matriculas.localkafka.LocalKafka;
import dev.matriculas.producer.generator.EnrollmentGenerator;
import dev.matriculas.producer.generator.GeneratorProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;

/** What every benchmark needs: a broker of its own, realistic enrollments, and a way to print a figure. */
public final class Bench {

    private Bench() {
    }

    /** A fresh broker on free ports with the enrollments topic created as the services create it. */
    public static LocalKafka kafka() throws Exception {
        LocalKafka kafka = LocalKafka.onFreePorts(Files.createTempDirectory("bench-kafka")).start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(Topics.DEFAULTS.enrollments(), Topics.DEFAULTS.deadLetters())).all().get();
        }
        return kafka;
    }

    /** Enrollments as the producer makes them (same rules, same ids), from a fixed seed. */
    public static EnrollmentGenerator generator() {
        return new EnrollmentGenerator(new GeneratorProperties(42L, LocalDate.of(2024, 2, 1)), Clock.systemUTC());
    }

    public static List<Enrollment> enrollments(int count) {
        EnrollmentGenerator generator = generator();
        List<Enrollment> enrollments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            enrollments.add(generator.next());
        }
        return enrollments;
    }

    /** Fills the enrollments topic with {@code records} generated enrollments, acknowledged when this returns. */
    public static void fill(LocalKafka kafka, int records) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        EnrollmentGenerator generator = generator();
        fill(kafka, records, i -> {
            Enrollment enrollment = generator.next();
            return new ProducerRecord<>(Enrollment.TOPIC, enrollment.id().getBytes(StandardCharsets.UTF_8),
                    json.writeValueAsBytes(enrollment));
        });
    }

    /** Sends {@code record.apply(i)} for i from 0 to {@code records} - 1, all acknowledged when this returns. */
    public static void fill(LocalKafka kafka, int records, IntFunction<ProducerRecord<byte[], byte[]>> record) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144))) {
            List<Future<?>> last = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                Future<?> sent = producer.send(record.apply(i));
                if (i >= records - 10) {
                    last.add(sent);
                }
            }
            producer.flush();
            for (Future<?> sent : last) {
                sent.get();
            }
        }
    }

    /** Heap in use after the garbage collector has had its chance, in bytes. */
    public static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void print(String figure, String value) {
        System.out.printf(Locale.ROOT, "| %-58s | %22s |%n", figure, value);
    }

    public static void header(String title) {
        System.out.printf(Locale.ROOT, "%n%s%n| %-58s | %22s |%n|%s|%s|%n", title, "figure", "value", "-".repeat(60), "-".repeat(24));
    }

    public static Path tempDir(String prefix) throws Exception {
        return Files.createTempDirectory(prefix);
    }
}
