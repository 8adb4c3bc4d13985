package dev.matriculas.producer.publishing;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KafkaConfiguration {

    /**
     * Shutdown has already waited {@code producer.drain-timeout} for the acknowledgements; closing the
     * Kafka producer afterwards must not wait another 30 s (its default) for a broker that is away.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer closeWithoutWaitingAgain() {
        return factory -> factory.setPhysicalCloseTimeout(1);
    }
}
