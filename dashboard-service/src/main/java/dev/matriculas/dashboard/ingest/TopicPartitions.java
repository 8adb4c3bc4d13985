package dev.matriculas.dashboard.ingest;

import java.time.Duration;
import java.util.Properties;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The topic's partitions, all of which every dashboard reads: Spring Kafka's way to read the whole of a compacted
 * topic, assigned to the listener by name rather than through a consumer group, so no consumer waits to join one
 * and none is paused by a rebalance. Asked of Kafka as the listener is set up: as many as the topic has, and at least
 * {@code TOPIC_PARTITIONS}, which Spring's {@code KafkaAdmin} gives a topic with fewer. Partitions added to the topic
 * later are read after a restart. When Kafka cannot answer, {@code TOPIC_PARTITIONS}; should the topic have more,
 * {@link FoldingHealthIndicator} says so once Kafka is back.
 */
@Component
class TopicPartitions {

    private static final Logger log = LoggerFactory.getLogger(TopicPartitions.class);
    /** Kafka away at start-up costs the dashboard this much of its start, no more. */
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final ConsumerFactory<?, ?> consumers;
    private final Topics topic;
    private volatile int assigned;

    TopicPartitions(ConsumerFactory<?, ?> consumers, Topics topic) {
        this.consumers = consumers;
        this.topic = topic;
    }

    /** The partitions as a range, {@code 0-2} for three, as {@code @TopicPartition} takes them. */
    public String all() {
        int partitions = topic.partitions();
        // Asking must not create the topic, with the broker's defaults, before KafkaAdmin creates it as declared.
        Properties noTopicCreated = new Properties();
        noTopicCreated.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (Consumer<?, ?> consumer = consumers.createConsumer(null, null, null, noTopicCreated)) {
            partitions = Math.max(partitions, consumer.partitionsFor(Enrollment.TOPIC, WAIT).size());
        } catch (KafkaException e) {
            log.warn("Kafka cannot say how many partitions {} has ({}): reading the {} of TOPIC_PARTITIONS",
                    Enrollment.TOPIC, e.getMessage(), partitions);
        }
        assigned = partitions;
        return "0-" + (partitions - 1);
    }

    /** How many partitions the listener was given. */
    int assigned() {
        return assigned;
    }
}
