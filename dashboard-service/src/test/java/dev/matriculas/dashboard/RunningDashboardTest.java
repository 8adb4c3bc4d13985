package dev.matriculas.dashboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.matriculas.testkafka.KafkaTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole dashboard on a real HTTP port against the shared broker. Every test class with this annotation shares
 * one application context, so one listener reads the topic: each dashboard instance parks the bad records it
 * reads, and a second context kept in the cache would park every one of them again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dashboard.heartbeat=500ms")
@KafkaTest
public @interface RunningDashboardTest {
}
