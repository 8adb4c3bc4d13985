package dev.matriculas.testkafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A test class that needs a running Kafka. It is tagged {@value #TAG}, so {@code ./mvnw test} leaves it out and
 * the integration-test phase runs it. A Spring test context of such a class gets a {@code KafkaConnectionDetails}
 * bean for the run's shared broker ({@link TestBroker#shared()}), unless the class brings a broker of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(KafkaTest.TAG)
@ContextCustomizerFactories(SharedKafkaConnection.Factory.class)
public @interface KafkaTest {

    String TAG = "kafka";

    /**
     * The class stops and starts Kafka, so it uses a broker of its own ({@link TestBroker#own()}) and, in a
     * Spring test, declares that broker's {@link TestBroker#connectionDetails()} as a bean itself.
     */
    boolean ownBroker() default false;
}
