package dev.matriculas.testkafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/** A Spring test marked {@link KafkaTest} has its Kafka clients pointed at the shared broker, with no property set. */
@SpringBootTest
@KafkaTest
class SharedKafkaConnectionTest {

    @Autowired
    KafkaAdmin admin;

    @Autowired
    ProducerFactory<?, ?> producers;

    @Test
    void theApplicationsKafkaClientsUseTheSharedBroker() {
        String shared = TestBroker.shared().bootstrapServers();

        assertThat(admin.getConfigurationProperties().get("bootstrap.servers")).asString().contains(shared);
        assertThat(producers.getConfigurationProperties().get("bootstrap.servers")).asString().contains(shared);
        assertThat(admin.clusterId()).isNotBlank();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
