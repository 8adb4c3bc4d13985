package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.producer.TopicContents;
import dev.matriculas.testkafka.KafkaTest;
import dev.matriculas.testkafka.TestBroker;
import org.awaitility.core.ConditionTimeoutException;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole service on a real HTTP port against a broker of its own, which the test starts and stops at will
 * (same ports, same data). The generator remembers every record made, so the test can look for each in Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({RecordingGenerator.InService.class, OwnKafkaTest.Kafka.class})
@KafkaTest(ownBroker = true)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
abstract class OwnKafkaTest {

    static TestBroker kafka;

    @LocalServerPort
    int port;

    @Autowired
    RecordingGenerator generator;

    @Autowired
    EnrollmentPublisher publisher;

    @Autowired
    PublishingLoop loop;

    @Autowired
    KafkaTemplate<String, Enrollment> template;

    private static final Set<String> DIAGNOSTIC_METRICS = Set.of("record-send-total", "record-retry-total",
            "record-error-total", "requests-in-flight", "request-latency-max", "connection-count",
            "metadata-age", "buffer-available-bytes", "bufferpool-wait-time-ns-total");

    @BeforeAll
    static void chooseKafka() {
        kafka = TestBroker.own();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Kafka {

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails() {
            return kafka.connectionDetails();
        }
    }

    /** Health as {@code GET /actuator/health} answers it. */
    static Matcher<HealthProbe> health(int httpStatus, String status) {
        return Matchers.equalTo(new HealthProbe(httpStatus, status));
    }

    /**
     * Pauses, waits for Kafka to answer for every record made, and checks that the topic holds each exactly
     * once, that the outage was told in one line and no stack trace.
     */
    void assertEveryRecordMadeIsInTheTopicExactlyOnce(CapturedOutput output) {
        loop.pause();
        // Longer than the producer's request timeout (30 s): a request the broker took while starting and
        // never answered is only sent again after it. The message says where the records were, if not.
        try {
            await().atMost(Duration.ofSeconds(75)).until(() -> publisher.pending() == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Kafka did not answer every record made: " + whereTheRecordsAre(), e);
        }
        assertThat(publisher.failed()).isZero();
        assertThat(publisher.sent()).isEqualTo(generator.made.size());
        TopicContents.assertHoldsEachExactlyOnce(kafka.bootstrapServers(), generator.made);
        assertThat(output.getOut().lines().filter(line -> line.contains("Kafka is not answering"))).hasSize(1)
                .allMatch(line -> line.contains("WARN"));
        assertThat(output.getOut()).as("no stack trace").doesNotContain("\tat ");
    }

    /** On one line, as a build's summary shows it: the counts, the Kafka client's view, the publishing threads. */
    private String whereTheRecordsAre() {
        StringBuilder state = new StringBuilder("made ").append(generator.made.size())
                .append(", sent ").append(publisher.sent()).append(", failed ").append(publisher.failed())
                .append(", pending ").append(publisher.pending());
        template.metrics().forEach((name, metric) -> {
            if (name.group().equals("producer-metrics") && DIAGNOSTIC_METRICS.contains(name.name())) {
                state.append(", ").append(name.name()).append(' ').append(metric.metricValue());
            }
        });
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("enrollment-") || thread.getName().startsWith("kafka-producer")) {
                state.append("; ").append(thread.getName()).append(' ').append(thread.getState());
                Arrays.stream(stack).limit(4).forEach(frame -> state.append(" < ").append(frame.getMethodName()));
            }
        });
        return state.toString();
    }
}
