package dev.matriculas.producer.publishing;

import dev.matriculas.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Topics.class)
@EnableScheduling
class KafkaConfiguration {

    /** The topic enrollments are published to, created in the background ({@link TopicCreator}). */
    @Bean
    NewTopic registrationTopic(Topics topics) {
        return topics.enrollments();
    }

    /**
     * Replaces the default listener, which logs a stack trace for every record that fails: the publisher
     * logs one line per kind of failure, and one per outage.
     */
    @Bean
    ProducerListener<Object, Object> quietProducerListener() {
        return new ProducerListener<>() {
        };
    }

    /**
     * Shutdown has already waited {@code producer.drain-timeout} for the acknowledgements; closing the
     * Kafka producer afterwards must not wait another 30 s (its default) for a broker that is away.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer closeWithoutWaitingAgain() {
        return factory -> factory.setPhysicalCloseTimeout(1);
    }
}
