package dev.matriculas.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.testkafka.EnrollmentTopics;
import dev.matriculas.testkafka.TestBroker;
import dev.matriculas.testkafka.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw access to a real broker's topics for a test class: any bytes in, every record out. On the run's shared broker
 * the topics hold what earlier classes sent too, so tests tell their records apart (a course of their own, say).
 */
public final class TestKafka implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestBroker kafka;
    private final boolean own;
    private KafkaProducer<byte[], byte[]> producer;

    private TestKafka(TestBroker kafka, boolean own) {
        this.kafka = kafka;
        this.own = own;
        // The topics exist before any test record is sent, as the services would have created them.
        EnrollmentTopics.createIfMissing(kafka);
    }

    /** The broker every class of the test run shares. */
    public static TestKafka shared() {
        return new TestKafka(TestBroker.shared(), false);
    }

    /** A broker of the class's own, which it may stop and start; closed with this. */
    public static TestKafka own() {
        return new TestKafka(TestBroker.own().start(), true);
    }

    public TestBroker broker() {
        return kafka;
    }

    public static byte[] json(Enrollment enrollment) {
        return JSON.writeValueAsBytes(enrollment);
    }

    public static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends an enrollment as the producer would: key = id, value = its JSON. */
    public void send(Enrollment enrollment) {
        send(utf8(enrollment.id()), json(enrollment));
    }

    /** Sends many enrollments at once, and waits until Kafka has them all. */
    public void sendAll(List<Enrollment> enrollments) {
        List<Future<?>> sent = new ArrayList<>();
        for (Enrollment enrollment : enrollments) {
            sent.add(producer().send(new ProducerRecord<>(Enrollment.TOPIC, utf8(enrollment.id()), json(enrollment))));
        }
        for (Future<?> future : sent) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException("could not send a test record", e);
            }
        }
    }

    /** Sends whatever bytes it is given, and waits until Kafka has them. */
    public void send(byte[] key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(Enrollment.TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send a test record", e);
        }
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000));
        }
        return producer;
    }

    /** Every record now on a topic, from the beginning. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return TopicRecords.readAll(kafka.bootstrapServers(), topic);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (own) {
            kafka.close();
        }
    }
}
