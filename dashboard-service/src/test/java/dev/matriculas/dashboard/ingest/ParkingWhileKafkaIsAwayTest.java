package dev.matriculas.dashboard.ingest;

import static dev.matriculas.dashboard.TestKafka.utf8;
import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardApplication;
import dev.matriculas.dashboard.OnConsume;
import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.store.RejectedRecords;
import dev.matriculas.testkafka.KafkaTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka is stopped just as a bad record reaches the dashboard, so the dead-letter topic cannot take it. Once Kafka
 * is started again the record is parked, once, and the records after it in its partition are all folded, in order.
 */
@KafkaTest(ownBroker = true)
@ExtendWith(OutputCaptureExtension.class)
class ParkingWhileKafkaIsAwayTest {

    private static final String BAD_KEY = "bad-while-away";

    /** The broker the interceptor stops; one test at a time uses it. */
    static volatile TestKafka kafka;

    @Test
    void theBadRecordIsParkedOnceKafkaIsBackAndNothingAfterItIsSkippedOrReordered(CapturedOutput output) {
        try (TestKafka own = TestKafka.own()) {
            kafka = own;
            int partition = partitionOf(BAD_KEY);
            List<String> after = IntStream.range(0, 1000).mapToObj(i -> "after-" + i)
                    .filter(id -> partitionOf(id) == partition).limit(20).toList();
            own.send(enrollment("before").course("Curso Antes do Ruim").build());
            own.send(utf8(BAD_KEY), utf8("[]"));
            List<Enrollment> versions = new ArrayList<>();
            for (String id : after) {
                versions.add(enrollment(id).course("Curso V1").build());
            }
            for (String id : after) {
                versions.add(enrollment(id).course("Curso V2").build());
            }
            own.sendAll(versions);

            // Parking gives up quickly while Kafka is away, so the outage sees several attempts.
            try (ConfigurableApplicationContext dashboard = new SpringApplicationBuilder(DashboardApplication.class).run(
                    "--server.port=0", "--spring.kafka.bootstrap-servers=" + own.broker().bootstrapServers(),
                    "--spring.kafka.producer.properties.max.block.ms=2000",
                    "--spring.kafka.producer.properties.request.timeout.ms=2000",
                    "--spring.kafka.producer.properties.delivery.timeout.ms=4000",
                    "--spring.kafka.consumer.properties.interceptor.classes=" + StopKafkaAtTheBadRecord.class.getName())) {
                EnrollmentStore store = dashboard.getBean(EnrollmentStore.class);
                RejectedRecords rejected = dashboard.getBean(RejectedRecords.class);

                await("parking tried and failed while Kafka is stopped").atMost(Duration.ofSeconds(90))
                        .until(() -> output.getAll().contains("Dead-letter publication to registration_topic.DLT failed"));
                assertThat(rejected.total()).isZero();
                assertThat(total(store, "Curso V1") + total(store, "Curso V2")).as("folded after the bad record").isZero();

                own.broker().start();

                await("every record folded").atMost(Duration.ofSeconds(90))
                        .until(() -> total(store, "Curso V2") == after.size());
                assertThat(total(store, "Curso V1")).as("earlier versions of the ids after the bad record").isZero();
                assertThat(total(store, "Curso Antes do Ruim")).isEqualTo(1);
                await("counted as parked").atMost(Duration.ofSeconds(10)).until(() -> rejected.total() == 1);
                assertThat(rejected.byReason()).containsEntry("not-an-object", 1L);
                List<ConsumerRecord<byte[], byte[]>> parked = own.readAll(Enrollment.DEAD_LETTER_TOPIC);
                assertThat(parked).extracting(record -> new String(record.key(), StandardCharsets.UTF_8))
                        .containsExactly(BAD_KEY);
            }
        } finally {
            kafka = null;
        }
    }

    private static long total(EnrollmentStore store, String course) {
        return store.figures(new Filter(course, null, null, null), 1).totalEnrollments();
    }

    /** As Kafka's producer places a keyed record among the topic's 3 partitions. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    /** Stops the broker, once, when the batch with the bad record has been fetched and before it is folded. */
    public static final class StopKafkaAtTheBadRecord implements OnConsume {

        private static volatile boolean stopped;

        @Override
        public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (!stopped && record.key() != null && BAD_KEY.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                    stopped = true;
                    kafka.broker().stop();
                }
            }
            return records;
        }
    }
}
