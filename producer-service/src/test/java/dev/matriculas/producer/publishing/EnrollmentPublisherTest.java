package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.matriculas.contract.Enrollment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

@ExtendWith(OutputCaptureExtension.class)
class EnrollmentPublisherTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, Enrollment> template = mock(KafkaTemplate.class);
    private final AtomicInteger made = new AtomicInteger();

    @Test
    void aRecordKafkaRefusesAtOnceIsOfferedAgainUntilItIsTaken() throws InterruptedException {
        EnrollmentPublisher publisher = publisher(10, 1000, false);
        when(template.send(anyString(), anyString(), any()))
                .thenThrow(new KafkaException("Send failed",
                        new TimeoutException("Topic registration_topic not present in metadata after 10000 ms.")))
                .thenAnswer(invocation -> acknowledged(invocation.getArgument(2)));

        publisher.publish(this::enrollment);

        verify(template, times(2)).send(eq(Enrollment.TOPIC), eq("id-1"), any());
        assertThat(made).hasValue(1);
        assertThat(publisher.sent()).isEqualTo(1);
        assertThat(publisher.failed()).isZero();
        assertThat(publisher.pending()).isZero();
    }

    @Test
    void recordsKafkaRejectsForGoodAreCountedAndLoggedOncePerKind(CapturedOutput output) throws InterruptedException {
        EnrollmentPublisher publisher = publisher(10, 1000, false);
        when(template.send(anyString(), anyString(), any()))
                .thenReturn(CompletableFuture.failedFuture(new RecordTooLargeException("too large")));

        for (int i = 0; i < 3; i++) {
            publisher.publish(this::enrollment);
        }

        assertThat(publisher.failed()).isEqualTo(3);
        assertThat(publisher.sent()).isZero();
        assertThat(publisher.pending()).isZero();
        assertThat(output.getOut().lines().filter(line -> line.contains("was not sent: RecordTooLargeException"))).hasSize(1);
    }

    @Test
    void noMoreThanMaxInFlightRecordsAreMadeWhileKafkaDoesNotAnswer() throws InterruptedException {
        EnrollmentPublisher publisher = publisher(3, 1000, false);
        List<CompletableFuture<SendResult<String, Enrollment>>> answers = new ArrayList<>();
        when(template.send(anyString(), anyString(), any())).thenAnswer(invocation -> {
            CompletableFuture<SendResult<String, Enrollment>> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        });
        for (int i = 0; i < 3; i++) {
            publisher.publish(this::enrollment);
        }

        Thread fourth = new Thread(() -> {
            try {
                publisher.publish(this::enrollment);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        fourth.start();
        await().until(() -> fourth.getState() == Thread.State.WAITING);
        assertThat(made).hasValue(3);
        assertThat(publisher.pending()).isEqualTo(3);

        answers.get(0).complete(result(enrollment(99)));
        fourth.join(Duration.ofSeconds(10).toMillis());
        assertThat(made).hasValue(4);
        assertThat(publisher.sent()).isEqualTo(1);
        assertThat(publisher.pending()).isEqualTo(3);
    }

    @Test
    void logsOneCompactLineEveryNRecords(CapturedOutput output) throws InterruptedException {
        EnrollmentPublisher publisher = publisher(10, 4, false);
        when(template.send(anyString(), anyString(), any())).thenAnswer(invocation -> acknowledged(invocation.getArgument(2)));

        for (int i = 0; i < 10; i++) {
            publisher.publish(this::enrollment);
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("enrollments sent ("))).hasSize(2)
                .anyMatch(line -> line.contains("4 enrollments sent (0 failed, 0 waiting for Kafka)"))
                .anyMatch(line -> line.contains("8 enrollments sent (0 failed, 0 waiting for Kafka)"));
        assertThat(output.getOut()).doesNotContain("Sent Enrollment[");
    }

    @Test
    void logsEachRecordWhenAskedAsTheOriginalDid(CapturedOutput output) throws InterruptedException {
        EnrollmentPublisher publisher = publisher(10, 1000, true);
        when(template.send(anyString(), anyString(), any())).thenAnswer(invocation -> acknowledged(invocation.getArgument(2)));

        for (int i = 0; i < 3; i++) {
            publisher.publish(this::enrollment);
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("Sent Enrollment[id=id-"))).hasSize(3)
                .allMatch(line -> line.contains("to partition 0 at offset"));
    }

    private EnrollmentPublisher publisher(int maxInFlight, int logEvery, boolean logEachRecord) {
        PublishingProperties properties = new PublishingProperties(1, false, maxInFlight, logEvery, logEachRecord,
                Duration.ofSeconds(1));
        return new EnrollmentPublisher(template, properties, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private Enrollment enrollment() {
        return enrollment(made.incrementAndGet());
    }

    private static Enrollment enrollment(int number) {
        return new Enrollment("id-" + number, "Edificações", "Noite", 5, LocalDate.of(2024, 2, 1), 19, "Feminino",
                "Não", "Pix", LocalDate.of(2024, 1, 20));
    }

    private static CompletableFuture<SendResult<String, Enrollment>> acknowledged(Enrollment enrollment) {
        return CompletableFuture.completedFuture(result(enrollment));
    }

    private static SendResult<String, Enrollment> result(Enrollment enrollment) {
        return new SendResult<>(new ProducerRecord<>(Enrollment.TOPIC, enrollment.id(), enrollment),
                new RecordMetadata(new TopicPartition(Enrollment.TOPIC, 0), 0, 0, 0, 0, 0));
    }
}
