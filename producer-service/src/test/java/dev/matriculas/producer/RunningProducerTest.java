package dev.matriculas.producer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.matriculas.testkafka.KafkaTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole service against the shared broker, started paused so that only what a test asks for is sent.
 * Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"producer.paused=true", "producer.log-every=100"})
@AutoConfigureMockMvc
@KafkaTest
public @interface RunningProducerTest {
}
