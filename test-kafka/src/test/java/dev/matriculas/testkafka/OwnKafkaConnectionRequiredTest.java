package dev.matriculas.testkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.ContextCustomizer;

/** A Spring test with a broker of its own uses the one it declares, and without one fails before any client exists. */
class OwnKafkaConnectionRequiredTest {

    @KafkaTest(ownBroker = true)
    static class WithItsOwnBroker {
    }

    private final ContextCustomizer customizer = new SharedKafkaConnection.Factory()
            .createContextCustomizer(WithItsOwnBroker.class, List.of());

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
            .withInitializer(context -> customizer.customizeContext(context, null));

    @Test
    void withoutABrokerDeclaredTheContextFailsAtOnceSayingWhatIsMissing() {
        contexts.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessage(OwnKafkaConnectionRequired.MISSING));
    }

    @Test
    void theBrokerTheClassDeclaresIsTheOneItsClientsUse() {
        contexts.withUserConfiguration(DeclaredBroker.class).run(context -> assertThat(
                context.getBean(ProducerFactory.class).getConfigurationProperties().get("bootstrap.servers"))
                .asString().contains("own-broker:19092"));
    }

    @Configuration(proxyBeanMethods = false)
    static class DeclaredBroker {

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails() {
            return () -> List.of("own-broker:19092");
        }
    }
}
