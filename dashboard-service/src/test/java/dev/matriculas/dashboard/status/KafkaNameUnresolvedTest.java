package dev.matriculas.dashboard.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;

/** Kafka's host name does not resolve (its container is stopped): the dashboard starts all the same. */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=kafka.invalid:9092")
class KafkaNameUnresolvedTest {

    @Autowired
    EnrollmentStore store;

    @Autowired
    HealthEndpoint health;

    @Autowired
    PipelineMonitor pipeline;

    @Test
    void startsAndSaysKafkaIsAway() {
        assertThat(store.figures(Filter.NONE, 1).totalEnrollments()).isZero();
        assertThat(pipeline.status().connected()).isFalse();
        assertThat(health.health().getStatus().getCode()).isIn("DEGRADED", "UP");
    }
}
