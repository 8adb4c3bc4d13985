package dev.matriculas.endtoend;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * The same flow on the Kafka image docker-compose.yml runs, in a container started by Testcontainers. Needs a
 * Docker engine: skipped where there is none, run in the GitHub Actions workflow.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeKafkaImageEndToEndTest {

    @Container
    static final ConfluentKafkaContainer kafka = new ConfluentKafkaContainer(
            ComposeFile.load().service("kafka").image().orElseThrow());

    @Test
    void enrollmentsFlowThroughTheKafkaImageOfTheComposeFile() {
        try (ComposePipeline pipeline = ComposePipeline.around(kafka.getBootstrapServers())) {
            pipeline.assertEnrollmentsFlow();
        }
    }
}
