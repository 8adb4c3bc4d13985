package dev.matriculas.dashboard.enrollments;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

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

    /** Not retried, as it would fail the same way: parked on the dead-letter topic, and consumption goes on. */
    @Bean
    DefaultErrorHandler errorHandler(DeadLetters deadLetters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(0, 0));
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }
}
