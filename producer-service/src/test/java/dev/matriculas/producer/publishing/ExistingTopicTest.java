package dev.matriculas.producer.publishing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A topic that exists before the producer, as a broker's {@code auto.create.topics.enable} makes one (one
 * partition, records deleted by age), is given what the design needs: compacted, and the declared partitions.
 */
class ExistingTopicTest extends OwnKafkaTest {

    @BeforeAll
    static void aTopicMadeWithTheBrokersDefaults() throws Exception {
        kafka.start();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(Enrollment.TOPIC, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "delete")))).all().get();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @Test
    void isMadeCompactedWithTheDeclaredPartitions() {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Enrollment.TOPIC);
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeConfigs(Set.of(topic)).all().get()
                    .get(topic).get("cleanup.policy").value().equals("compact"));
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(Set.of(Enrollment.TOPIC))
                    .allTopicNames().get().get(Enrollment.TOPIC).partitions().size() == Topics.DEFAULT_PARTITIONS);
        }
    }
}
