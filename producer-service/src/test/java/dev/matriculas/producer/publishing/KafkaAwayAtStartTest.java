package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.TestPropertySource;

/**
 * The producer starts while no broker runs: it serves, reports DEGRADED, keeps offering the records Kafka
 * cannot take yet (the topic's metadata times out), creates the topic once a broker comes, and then every
 * record made is in the topic exactly once.
 */
@TestPropertySource(properties = {"producer.rate-per-second=100", "producer.max-in-flight=200",
        "spring.kafka.producer.properties.max.block.ms=3000"})
class KafkaAwayAtStartTest extends OwnKafkaTest {

    @Test
    void recordsMadeBeforeKafkaExistsAreAllDeliveredOnceItComes(CapturedOutput output) throws Exception {
        try (InFlightWatch inFlight = new InFlightWatch(generator, publisher)) {
            await("degraded but serving").atMost(Duration.ofSeconds(30))
                    .until(() -> HealthProbe.of(port), health(200, "DEGRADED"));
            assertThat(publisher.sent()).isZero();
            assertThat(output.getOut()).contains("not present in metadata after 3000 ms");

            kafka.start();

            await("up").atMost(Duration.ofSeconds(90)).until(() -> HealthProbe.of(port), health(200, "UP"));
            await("sending").atMost(Duration.ofSeconds(60)).until(() -> publisher.sent() >= 200);
            assertEveryRecordMadeIsInTheTopicExactlyOnce(output);
            assertThat(inFlight.most()).as("most records unanswered at once").isPositive().isLessThanOrEqualTo(200);
        }
    }
}
