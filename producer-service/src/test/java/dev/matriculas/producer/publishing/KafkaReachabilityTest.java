package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.matriculas.testkafka.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class KafkaReachabilityTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final KafkaReachability reachability = new KafkaReachability(clock);

    @Test
    void recordsWaitingWithoutAnyAnswerForMoreThanFiveSecondsMeanKafkaIsAway(CapturedOutput output) {
        everySecondFor(5, 10, 100);
        assertThat(reachability.unreachableSince()).isNull();

        everySecondFor(30, 10, 100);

        assertThat(reachability.unreachableSince()).isEqualTo(START);
        assertThat(output.getOut().lines().filter(line -> line.contains("Kafka is not answering"))).hasSize(1);
    }

    @Test
    void saysOnceWhenKafkaAnswersAgain(CapturedOutput output) {
        everySecondFor(10, 10, 100);
        reachability.refused("TimeoutException: Topic registration_topic not present in metadata after 10000 ms.");
        everySecondFor(10, 10, 100);

        everySecondFor(3, 0, 110);

        assertThat(reachability.unreachableSince()).isNull();
        assertThat(output.getOut()).contains("Kafka is answering again after");
        assertThat(output.getOut().lines().filter(line -> line.contains("Kafka is not answering"))).hasSize(1);
    }

    @Test
    void aLongPauseIsNotAnOutage(CapturedOutput output) {
        everySecondFor(60, 0, 100);

        reachability.check(1, 100);
        clock.advance(Duration.ofSeconds(1));
        reachability.check(0, 101);

        assertThat(reachability.unreachableSince()).isNull();
        assertThat(output.getOut()).doesNotContain("Kafka is not answering");
    }

    @Test
    void slowButSteadyAnswersAreNotAnOutage() {
        for (int answered = 0; answered < 30; answered++) {
            reachability.check(10_000, answered);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(reachability.unreachableSince()).isNull();
    }

    private void everySecondFor(int seconds, long pending, long answered) {
        for (int i = 0; i < seconds; i++) {
            reachability.check(pending, answered);
            clock.advance(Duration.ofSeconds(1));
        }
    }
}
