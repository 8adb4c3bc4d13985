package dev.matriculas.dashboard.enrollments;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonContainerStoppingErrorHandler;

/** The topics the dashboard reads and writes, and what the container does when the listener itself fails. */
@Configuration(proxyBeanMethods = false)
class KafkaSetup {

    /** Compacted: the topic is a table of enrollments by id, so Kafka keeps the latest of each for ever. */
    @Bean
    NewTopic enrollmentsTopic(DashboardProperties properties) {
        return TopicBuilder.name(Enrollment.TOPIC).partitions(properties.topicPartitions()).compact().build();
    }

    @Bean
    NewTopic deadLetterTopic(DashboardProperties properties) {
        return TopicBuilder.name(Enrollment.DEAD_LETTER_TOPIC).partitions(properties.topicPartitions()).build();
    }

    /**
     * The listener only hands batches to the folder, which parks bad records itself ({@link DeadLetters}); it
     * throws only once folding has stopped on an error. Then the container stops, rather than retry the batch
     * or park valid records as bad ones.
     */
    @Bean
    CommonContainerStoppingErrorHandler errorHandler() {
        return new CommonContainerStoppingErrorHandler();
    }
}
