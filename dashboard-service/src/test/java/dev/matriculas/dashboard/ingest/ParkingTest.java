package dev.matriculas.dashboard.ingest;

import static dev.matriculas.dashboard.TestKafka.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.EnrollmentParser;
import dev.matriculas.dashboard.status.ConsumerProgress;
import dev.matriculas.dashboard.store.RejectedRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;

/** The container's error handler parks a bad record; while Kafka does not take it, the record and those after it wait. */
class ParkingTest {

    private static final TopicPartition PARTITION = new TopicPartition(Enrollment.TOPIC, 0);

    @SuppressWarnings("unchecked")
    private final KafkaOperations<byte[], byte[]> template = mock(KafkaOperations.class);
    private final RejectedRecords rejected = new RejectedRecords(new SimpleMeterRegistry());
    private final ConsumerProgress progress = new ConsumerProgress();
    private final DefaultErrorHandler errorHandler = new KafkaConfiguration().errorHandler(template, rejected, progress);
    @SuppressWarnings("unchecked")
    private final Consumer<byte[], byte[]> consumer = mock(Consumer.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);

    private final ConsumerRecord<byte[], byte[]> bad = new ConsumerRecord<>(Enrollment.TOPIC, 0, 1, utf8("bad"), utf8("[]"));
    private final ConsumerRecords<byte[], byte[]> batch = new ConsumerRecords<>(Map.of(PARTITION, List.of(
            new ConsumerRecord<>(Enrollment.TOPIC, 0, 0, utf8("before"), utf8("{}")), bad,
            new ConsumerRecord<>(Enrollment.TOPIC, 0, 2, utf8("after"), utf8("{}")))), Map.of());

    ParkingTest() {
        when(container.getContainerProperties()).thenReturn(new ContainerProperties(Enrollment.TOPIC));
    }

    /** What the listener throws for the second record of the batch. */
    private static BatchListenerFailedException failedAtTheSecondRecord() {
        Throwable invalid = catchThrowable(() -> new EnrollmentParser().parse(utf8("bad"), utf8("[]")));
        return new BatchListenerFailedException("cannot fold the record", invalid, 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadRecordIsParkedAsItCameWithItsReasonAndWhereItCameFrom() {
        when(template.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

        // Recovered, the records after the bad one are delivered again from where it was.
        assertThatThrownBy(() -> errorHandler.handleBatch(failedAtTheSecondRecord(), batch, consumer, container, () -> { }))
                .isInstanceOf(org.springframework.kafka.KafkaException.class);

        ArgumentCaptor<ProducerRecord<byte[], byte[]>> parked = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(template).send(parked.capture());
        assertThat(parked.getValue().topic()).isEqualTo(Enrollment.DEAD_LETTER_TOPIC);
        assertThat(parked.getValue().value()).isEqualTo(bad.value());
        assertThat(parked.getValue().key()).isEqualTo(bad.key());
        assertThat(header(parked.getValue(), DeadLetters.REASON_HEADER)).isEqualTo("not-an-object");
        assertThat(parked.getValue().headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).hasSize(Long.BYTES);
        assertThat(rejected.byReason()).containsExactly(Map.entry("not-an-object", 1L));
        assertThat(progress.consumed()).isEqualTo(1);
        verify(consumer).seek(PARTITION, 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordKafkaDoesNotTakeIsDeliveredAgainWithTheRecordsAfterIt() {
        when(template.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new KafkaException("Kafka is away")))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

        assertThatThrownBy(() -> errorHandler.handleBatch(failedAtTheSecondRecord(), batch, consumer, container, () -> { }))
                .hasMessageContaining("not yet recovered");

        verify(consumer).seek(PARTITION, 1);
        verify(consumer, never()).seek(PARTITION, 2);
        assertThat(rejected.total()).isZero();
        assertThat(progress.consumed()).isZero();

        ConsumerRecords<byte[], byte[]> again = new ConsumerRecords<>(Map.of(PARTITION,
                List.of(bad, new ConsumerRecord<>(Enrollment.TOPIC, 0, 2, utf8("after"), utf8("{}")))), Map.of());
        Throwable invalid = catchThrowable(() -> new EnrollmentParser().parse(utf8("bad"), utf8("[]")));
        assertThatThrownBy(() -> errorHandler.handleBatch(new BatchListenerFailedException("cannot fold the record", invalid, 0),
                again, consumer, container, () -> { })).isInstanceOf(org.springframework.kafka.KafkaException.class);

        verify(consumer).seek(PARTITION, 2);
        assertThat(rejected.total()).isEqualTo(1);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
