package dev.matriculas.dashboard.ingest;

import dev.matriculas.contract.Topics;
import dev.matriculas.dashboard.status.ConsumerProgress;
import dev.matriculas.dashboard.store.RejectedRecords;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.util.backoff.FixedBackOff;

/** The topics the dashboard reads and writes, and what the container does with a record that cannot be folded. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Topics.class)
class KafkaConfiguration {

    @Bean
    NewTopic enrollmentsTopic(Topics topics) {
        return topics.enrollments();
    }

    @Bean
    NewTopic deadLetterTopic(Topics topics) {
        return topics.deadLetters();
    }

    /**
     * A consumer for each partition the listener is assigned ({@link TopicPartitions}): parsing, most of a record's
     * cost, then runs on every core. Records of one id share a partition, so they are still folded in order.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> consumerPerPartition() {
        return container -> {
            TopicPartitionOffset[] assigned = container.getContainerProperties().getTopicPartitions();
            if (assigned != null) {
                container.setConcurrency(assigned.length);
            }
        };
    }

    /**
     * A record that cannot be folded would fail the same way again: it is parked at once ({@link DeadLetters}).
     * While the dead-letter topic cannot take it (Kafka away), parking fails and the handler seeks back to it: it is
     * delivered and parked again, each attempt waiting as long as the producer does for Kafka, and the records after
     * it wait too, so none is skipped or folded out of order.
     */
    @Bean
    DefaultErrorHandler errorHandler(KafkaOperations<byte[], byte[]> template, RejectedRecords rejected,
            ConsumerProgress progress) {
        return new DefaultErrorHandler(new DeadLetters(template, rejected, progress), new FixedBackOff(0, 0));
    }
}
