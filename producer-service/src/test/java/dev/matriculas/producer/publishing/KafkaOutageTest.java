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
 * The broker stops mid-stream and comes back on the same port and data while the producer keeps running:
 * afterwards the topic holds every record the producer made, each exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"producer.rate-per-second=300", "producer.max-in-flight=" + KafkaOutageTest.MAX_IN_FLIGHT})
@Import(RecordingGenerator.InService.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class KafkaOutageTest {

    static final int MAX_IN_FLIGHT = 500;

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
    void everyRecordReachesTheTopicExactlyOnceAcrossABrokerRestart(CapturedOutput output) throws Exception {
        try (InFlightWatch inFlight = new InFlightWatch(generator, publisher)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> publisher.sent() >= 300);

            kafka.close();

            await("degraded but serving").atMost(Duration.ofSeconds(30))
                    .until(() -> HealthProbe.of(port), is(200, "DEGRADED"));
            // Generation waits (for room among the unanswered records, or for the topic's metadata) instead of
            // piling records up: nothing more is made while Kafka is away.
            long madeDuringOutage = generator.made.size();
            await("generation held back").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> generator.made.size() == madeDuringOutage);

            kafka.start();

            await("up again").atMost(Duration.ofSeconds(60)).until(() -> HealthProbe.of(port), is(200, "UP"));
            await("sending again").atMost(Duration.ofSeconds(60))
                    .until(() -> publisher.sent() >= madeDuringOutage + 300);
            loop.pause();
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.pending() == 0);

            assertThat(inFlight.most()).as("most records unanswered at once").isPositive().isLessThanOrEqualTo(MAX_IN_FLIGHT);
        }
        assertThat(publisher.failed()).isZero();
        assertThat(publisher.sent()).isEqualTo(generator.made.size());
        TopicContents.assertHoldsEachExactlyOnce(kafka.bootstrapServers(), generator.made);
        assertThat(output.getOut().lines().filter(line -> line.contains("Kafka is not answering"))).hasSize(1)
                .allMatch(line -> line.contains("WARN"));
        assertThat(output.getOut().lines().filter(line -> line.contains("Kafka is answering again"))).hasSize(1);
        assertThat(output.getOut()).as("no stack trace").doesNotContain("\tat ");
    }

    static org.hamcrest.Matcher<HealthProbe> is(int httpStatus, String status) {
        return org.hamcrest.Matchers.equalTo(new HealthProbe(httpStatus, status));
    }
}
