package dev.matriculas.endtoend;

import dev.matriculas.testkafka.EnrollmentTopics;
import dev.matriculas.testkafka.KafkaTest;
import dev.matriculas.testkafka.TestBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The producer and the dashboard configured only by the environment docker-compose.yml gives them find Kafka and
 * each other, around the run's broker: the Compose file's Kafka image where Docker runs, the in-process broker elsewhere.
 */
@KafkaTest
class ComposeEnvironmentEndToEndTest {

    static final TestBroker kafka = TestBroker.shared();

    @BeforeAll
    static void emptyTopics() {
        EnrollmentTopics.recreate(kafka);
    }

    @Test
    void enrollmentsFlowFromProducerThroughKafkaToDashboard() {
        try (ComposePipeline pipeline = ComposePipeline.around(kafka.bootstrapServers())) {
            pipeline.assertEnrollmentsFlow();
        }
    }
}
