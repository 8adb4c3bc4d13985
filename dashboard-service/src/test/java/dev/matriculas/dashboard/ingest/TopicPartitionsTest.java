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
import dev.matriculas.dashboard.DashboardApplication;
import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.testkafka.KafkaTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The dashboard reads every partition of the topic, also of one given more partitions than it creates. */
@KafkaTest(ownBroker = true)
class TopicPartitionsTest {

    /** Two more than TOPIC_PARTITIONS, 3 by default. */
    private static final int PARTITIONS = 5;

    @Test
    void foldsTheRecordsOfPartitionsBeyondTopicPartitionsToo() throws Exception {
        try (TestKafka kafka = TestKafka.own();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.broker().bootstrapServers()))) {
            admin.createPartitions(Map.of(Enrollment.TOPIC, NewPartitions.increaseTo(PARTITIONS))).all().get();
            List<Enrollment> enrollments = IntStream.range(0, 50).mapToObj(i -> enrollment("partition-" + i).build()).toList();
            assertThat(enrollments).filteredOn(enrollment -> partitionOf(enrollment.id()) >= 3).hasSizeGreaterThan(5);
            kafka.sendAll(enrollments);

            try (ConfigurableApplicationContext dashboard = new SpringApplicationBuilder(DashboardApplication.class)
                    .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.broker().bootstrapServers())) {
                EnrollmentStore store = dashboard.getBean(EnrollmentStore.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> store.size() == enrollments.size());
            }
        }
    }

    /** As Kafka's producer places a keyed record. */
    private static int partitionOf(String id) {
        return Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
