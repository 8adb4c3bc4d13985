package dev.matriculas.dashboard.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Kafka's host name does not resolve (its container is stopped): the dashboard starts all the same and says so. */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=kafka.invalid:9092")
@ExtendWith(OutputCaptureExtension.class)
class KafkaNameUnresolvedTest {

    @Autowired
    EnrollmentStore store;

    @Autowired
    HealthEndpoint health;

    @Autowired
    PipelineMonitor pipeline;

    @Test
    void startsAndSaysKafkaIsAwayOnceItHasAskedForIt(CapturedOutput output) {
        await("Kafka probed and found away").atMost(Duration.ofSeconds(20))
                .until(() -> output.getAll().contains("Kafka is unreachable"));

        assertThat(store.figures(Filter.NONE, 1).totalEnrollments()).isZero();
        assertThat(pipeline.status().connected()).isFalse();
        assertThat(pipeline.status().disconnectedSince()).isNotNull();
        assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");
    }
}
