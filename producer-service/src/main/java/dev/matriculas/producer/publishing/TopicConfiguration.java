package dev.matriculas.producer.publishing;

import dev.matriculas.contract.Enrollment;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TopicConfiguration {

    /** Created at start-up if missing; an existing topic is left as it is. */
    @Bean
    NewTopic registrationTopic(PublishingProperties properties) {
        return TopicBuilder.name(Enrollment.TOPIC).partitions(properties.partitions()).build();
    }
}
