package dev.matriculas.dashboard.ingest;

import java.nio.charset.StandardCharsets;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.InvalidEnrollmentException;
import dev.matriculas.dashboard.status.ConsumerProgress;
import dev.matriculas.dashboard.store.RejectedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Parks a record that cannot be folded: Spring Kafka's {@link DeadLetterPublishingRecoverer} publishes it as it
 * came to {@value Enrollment#DEAD_LETTER_TOPIC}, with the reason in the {@value #REASON_HEADER} header beside its
 * original topic, partition and offset; then it is counted and logged. Throws when Kafka does not take it, so the
 * error handler tries it again.
 */
class DeadLetters implements ConsumerRecordRecoverer {

    static final String REASON_HEADER = "x-reject-reason";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final RejectedRecords rejected;
    private final ConsumerProgress progress;

    DeadLetters(KafkaOperations<byte[], byte[]> template, RejectedRecords rejected, ConsumerProgress progress) {
        this.rejected = rejected;
        this.progress = progress;
        this.publisher = new DeadLetterPublishingRecoverer(template,
                (record, error) -> new TopicPartition(Enrollment.DEAD_LETTER_TOPIC, -1));
        publisher.setHeadersFunction((record, error) -> new RecordHeaders().add(
                new RecordHeader(REASON_HEADER, reason(error).getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception error) {
        publisher.accept(record, error);
        rejected.count(reason(error));
        progress.parked();
        log.warn("Rejected the record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), message(error));
    }

    private static String reason(Throwable error) {
        InvalidEnrollmentException invalid = invalid(error);
        return invalid == null ? RejectedRecords.PROCESSING_ERROR : invalid.reason().code();
    }

    private static String message(Throwable error) {
        InvalidEnrollmentException invalid = invalid(error);
        return invalid == null ? String.valueOf(NestedExceptionUtils.getMostSpecificCause(error)) : invalid.getMessage();
    }

    private static InvalidEnrollmentException invalid(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEnrollmentException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
