package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.TestPropertySource;

/**
 * The broker stops mid-stream and comes back on the same port and data while the producer keeps running:
 * afterwards the topic holds every record the producer made, each exactly once.
 */
@TestPropertySource(properties = {
        "producer.rate-per-second=300", "producer.max-in-flight=" + KafkaOutageTest.MAX_IN_FLIGHT})
class KafkaOutageTest extends OwnKafkaTest {

    static final int MAX_IN_FLIGHT = 500;

    @BeforeAll
    static void startKafka() {
        kafka.start();
    }

    @Test
    void everyRecordReachesTheTopicExactlyOnceAcrossABrokerRestart(CapturedOutput output) throws Exception {
        try (InFlightWatch inFlight = new InFlightWatch(generator, publisher)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> publisher.sent() >= 300);

            kafka.stop();

            await("degraded but serving").atMost(Duration.ofSeconds(30))
                    .until(() -> HealthProbe.of(port), health(200, "DEGRADED"));
            // Generation waits (for room among the unanswered records, or for the topic's metadata) instead of
            // piling records up: nothing more is made while Kafka is away.
            long madeDuringOutage = generator.made.size();
            await("generation held back").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> generator.made.size() == madeDuringOutage);

            kafka.start();

            await("up again").atMost(Duration.ofSeconds(60)).until(() -> HealthProbe.of(port), health(200, "UP"));
            await("sending again").atMost(Duration.ofSeconds(60))
                    .until(() -> publisher.sent() >= madeDuringOutage + 300);
            assertEveryRecordMadeIsInTheTopicExactlyOnce(output);
            assertThat(inFlight.most()).as("most records unanswered at once").isPositive().isLessThanOrEqualTo(MAX_IN_FLIGHT);
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("Kafka is answering again"))).hasSize(1);
    }
}
