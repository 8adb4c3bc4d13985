package dev.matriculas.testkafka;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives the Spring context of a {@link KafkaTest} the shared broker the way Spring Boot's service connections do:
 * as a {@link KafkaConnectionDetails} bean, which every Kafka client the application builds then uses. Being
 * equal for every such class, it lets them share one cached context. A class with a broker of its own gets
 * {@link OwnKafkaConnectionRequired} instead.
 */
final class SharedKafkaConnection implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        RootBeanDefinition connection = new RootBeanDefinition(KafkaConnectionDetails.class,
                () -> (KafkaConnectionDetails) () -> List.of(TestBroker.shared().bootstrapServers()));
        ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("sharedKafkaConnectionDetails", connection);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SharedKafkaConnection;
    }

    @Override
    public int hashCode() {
        return SharedKafkaConnection.class.hashCode();
    }

    static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            KafkaTest kafkaTest = TestContextAnnotationUtils.findMergedAnnotation(testClass, KafkaTest.class);
            if (kafkaTest == null) {
                return null;
            }
            return kafkaTest.ownBroker() ? new OwnKafkaConnectionRequired() : new SharedKafkaConnection();
        }
    }
}
