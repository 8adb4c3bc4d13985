package dev.matriculas.endtoend;

import java.nio.file.Path;

import dev.matriculas.localkafka.LocalKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The producer and the dashboard configured only by the environment docker-compose.yml gives them find Kafka and
 * each other: runs anywhere, with the project's own broker standing in for the kafka container.
 */
class ComposeEnvironmentEndToEndTest {

    @TempDir
    static Path kafkaData;

    static LocalKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = LocalKafka.onFreePorts(kafkaData).start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void enrollmentsFlowFromProducerThroughKafkaToDashboard() {
        try (ComposePipeline pipeline = ComposePipeline.around(kafka.bootstrapServers())) {
            pipeline.assertEnrollmentsFlow();
        }
    }
}
