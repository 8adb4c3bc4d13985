package dev.matriculas.dashboard.ingest;

import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.testkafka.KafkaTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The dashboard reads every partition of the topic, also of one given more partitions than it creates. */
@SpringBootTest
@KafkaTest(ownBroker = true)
@Import(TopicPartitionsTest.Kafka.class)
class TopicPartitionsTest {

    /** Two more than TOPIC_PARTITIONS, 3 by default, added before the dashboard starts. */
    static final int PARTITIONS = 5;
    static final TestKafka kafka = withPartitions(TestKafka.own(), PARTITIONS);

    @TestConfiguration(proxyBeanMethods = false)
    static class Kafka {

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails() {
            return kafka.broker().connectionDetails();
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Autowired
    EnrollmentStore store;

    @Test
    void foldsTheRecordsOfPartitionsBeyondTopicPartitionsToo() {
        List<Enrollment> enrollments = IntStream.range(0, 50).mapToObj(i -> enrollment("partition-" + i).build()).toList();
        assertThat(enrollments).filteredOn(enrollment -> partitionOf(enrollment.id()) >= 3).hasSizeGreaterThan(5);

        kafka.sendAll(enrollments);

        await().atMost(Duration.ofSeconds(30)).until(() -> store.size() == enrollments.size());
    }

    /** As Kafka's producer places a keyed record. */
    private static int partitionOf(String id) {
        return Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static TestKafka withPartitions(TestKafka kafka, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.broker().bootstrapServers()))) {
            admin.createPartitions(Map.of(Enrollment.TOPIC, NewPartitions.increaseTo(partitions))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not give " + Enrollment.TOPIC + " " + partitions + " partitions", e);
        }
        return kafka;
    }
}
