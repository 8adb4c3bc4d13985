package dev.matriculas.testkafka;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * For the Spring context of a {@code @KafkaTest(ownBroker = true)} class: a fallback {@link KafkaConnectionDetails}
 * that stops the context at once, naming what is missing, when the class declares none of its own. Without it
 * Spring Boot's default would point the clients at localhost:9092, whatever listens there.
 */
final class OwnKafkaConnectionRequired implements ContextCustomizer {

    static final String MISSING = "a @KafkaTest(ownBroker = true) class declares its broker as a bean: "
            + "a @Bean KafkaConnectionDetails returning TestBroker.own()'s connectionDetails()";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        RootBeanDefinition missing = new RootBeanDefinition(KafkaConnectionDetails.class,
                () -> {
                    throw new IllegalStateException(MISSING);
                });
        missing.setFallback(true);
        // Made only when a client asks for it, that is when no other is declared.
        missing.setLazyInit(true);
        ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("ownKafkaConnectionRequired", missing);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OwnKafkaConnectionRequired;
    }

    @Override
    public int hashCode() {
        return OwnKafkaConnectionRequired.class.hashCode();
    }
}
