package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import dev.matriculas.localkafka.LocalKafka;
import dev.matriculas.producer.TopicContents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The producer starts while no broker runs: it serves, reports DEGRADED, keeps offering the records Kafka
 * cannot take yet (the topic's metadata times out), creates the topic once a broker comes, and then every
 * record made is in the topic exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "producer.rate-per-second=100", "producer.max-in-flight=200",
        "spring.kafka.producer.properties.max.block.ms=3000"})
@Import(RecordingGenerator.InService.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class KafkaAwayAtStartTest {

    @TempDir
    static Path kafkaData;

    static LocalKafka kafka;

    @BeforeAll
    static void chooseKafkaButDoNotStartIt() {
        kafka = LocalKafka.onFreePorts(kafkaData);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordingGenerator generator;

    @Autowired
    EnrollmentPublisher publisher;

    @Autowired
    PublishingLoop loop;

    @Test
    void recordsMadeBeforeKafkaExistsAreAllDeliveredOnceItComes(CapturedOutput output) throws Exception {
        try (InFlightWatch inFlight = new InFlightWatch(generator, publisher)) {
            await("degraded but serving").atMost(Duration.ofSeconds(30))
                    .until(() -> HealthProbe.of(port), KafkaOutageTest.is(200, "DEGRADED"));
            assertThat(publisher.sent()).isZero();
            assertThat(output.getOut()).contains("not present in metadata after 3000 ms");

            kafka.start();

            await("up").atMost(Duration.ofSeconds(90)).until(() -> HealthProbe.of(port), KafkaOutageTest.is(200, "UP"));
            await("sending").atMost(Duration.ofSeconds(60)).until(() -> publisher.sent() >= 200);
            loop.pause();
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.pending() == 0);

            assertThat(inFlight.most()).as("most records unanswered at once").isPositive().isLessThanOrEqualTo(200);
        }
        assertThat(publisher.failed()).isZero();
        assertThat(publisher.sent()).isEqualTo(generator.made.size());
        TopicContents.assertHoldsEachExactlyOnce(kafka.bootstrapServers(), generator.made);
        assertThat(output.getOut().lines().filter(line -> line.contains("Kafka is not answering"))).hasSize(1);
        assertThat(output.getOut()).as("no stack trace").doesNotContain("\tat ");
    }
}
