package dev.matriculas.dashboard.enrollments;

import java.nio.charset.StandardCharsets;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.InvalidEnrollmentException;
import dev.matriculas.dashboard.DashboardProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Error handling, declared once: a record that cannot be folded is not retried (it would fail the same
 * way) but published as it came to {@value Enrollment#DEAD_LETTER_TOPIC} with the reason in the
 * {@value #REASON_HEADER} header, counted, and consumption goes on with the next record.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    static final String REASON_HEADER = "x-reject-reason";
    static final String PROCESSING_ERROR = "processing-error";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    @Bean
    DefaultErrorHandler errorHandler(KafkaOperations<byte[], byte[]> template, RejectedRecords rejected) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, error) -> new TopicPartition(Enrollment.DEAD_LETTER_TOPIC, -1));
        recoverer.setHeadersFunction((record, error) -> new RecordHeaders().add(
                new RecordHeader(REASON_HEADER, reason(error).getBytes(StandardCharsets.UTF_8))));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, error) -> {
            recoverer.accept(record, error);
            String reason = reason(error);
            rejected.count(reason);
            log.warn("Rejected the record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    message(error));
        }, new FixedBackOff(0, 0));
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    /** Compacted: the topic is a table of enrollments by id, so Kafka keeps the latest of each for ever. */
    @Bean
    NewTopic enrollmentsTopic(DashboardProperties properties) {
        return TopicBuilder.name(Enrollment.TOPIC).partitions(properties.topicPartitions()).compact().build();
    }

    @Bean
    NewTopic deadLetterTopic(DashboardProperties properties) {
        return TopicBuilder.name(Enrollment.DEAD_LETTER_TOPIC).partitions(properties.topicPartitions()).build();
    }

    private static String reason(Throwable error) {
        InvalidEnrollmentException invalid = invalid(error);
        return invalid == null ? PROCESSING_ERROR : invalid.reason().code();
    }

    private static String message(Throwable error) {
        InvalidEnrollmentException invalid = invalid(error);
        return invalid == null ? String.valueOf(error.getCause() == null ? error : error.getCause()) : invalid.getMessage();
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
