package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.producer.ProducerApplication;
import dev.matriculas.producer.TopicContents;
import dev.matriculas.testkafka.KafkaTest;
import dev.matriculas.testkafka.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping the service (Ctrl-C, SIGTERM) waits for Kafka to acknowledge the records in flight. */
@ExtendWith(OutputCaptureExtension.class)
@KafkaTest(ownBroker = true)
class GracefulShutdownTest {

    @Test
    void recordsInFlightAtShutdownAreDeliveredBeforeItEnds(CapturedOutput output) {
        try (TestBroker kafka = TestBroker.own().start()) {
            // Records linger for 3 s before they go to the broker, so some are surely in flight at shutdown.
            ConfigurableApplicationContext service = start(kafka, "--producer.rate-per-second=50",
                    "--spring.kafka.producer.properties.linger.ms=3000");
            RecordingGenerator generator = service.getBean(RecordingGenerator.class);
            EnrollmentPublisher publisher = service.getBean(EnrollmentPublisher.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> generator.made.size() >= 20);
            assertThat(publisher.pending()).as("records in flight at shutdown").isPositive();

            service.close();

            Map<String, Enrollment> made = new HashMap<>(generator.made);
            assertThat(publisher.sent()).isEqualTo(made.size());
            assertThat(publisher.pending()).isZero();
            assertThat(output.getOut()).contains("Stopped publishing: " + made.size() + " enrollments sent, 0 failed");
            TopicContents.assertHoldsEachExactlyOnce(kafka.bootstrapServers(), made);
        }
    }

    @Test
    void shutdownGivesUpAfterTheDrainTimeoutWhenKafkaIsAwayAndSaysHowManyAreLost(CapturedOutput output) {
        ConfigurableApplicationContext service;
        EnrollmentPublisher publisher;
        try (TestBroker kafka = TestBroker.own().start()) {
            service = start(kafka, "--producer.rate-per-second=100", "--producer.drain-timeout=2s");
            publisher = service.getBean(EnrollmentPublisher.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.sent() >= 50);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.pending() > 0);

        service.close();

        Matcher lost = Pattern.compile("Kafka did not acknowledge (\\d+) enrollments within 2 s of shutting down; they are lost")
                .matcher(output.getOut());
        assertThat(lost.find()).as("the line saying how many are lost").isTrue();
        assertThat(Long.parseLong(lost.group(1))).isPositive().isLessThanOrEqualTo(10_000);
    }

    private static ConfigurableApplicationContext start(TestBroker kafka, String... settings) {
        String[] args = new String[settings.length + 2];
        args[0] = "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers();
        args[1] = "--server.port=0";
        System.arraycopy(settings, 0, args, 2, settings.length);
        return new SpringApplicationBuilder(ProducerApplication.class, RecordingGenerator.InService.class).run(args);
    }
}
