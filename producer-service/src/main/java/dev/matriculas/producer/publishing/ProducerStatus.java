package dev.matriculas.producer.publishing;

import java.time.Instant;

/**
 * What {@code GET /api/producer} answers.
 *
 * @param sent                enrollments Kafka acknowledged
 * @param failed              enrollments Kafka rejected for good
 * @param pending             sent and not yet acknowledged
 * @param burstRemaining      records of requested bursts not yet sent
 * @param kafkaUnreachableSince when Kafka stopped acknowledging, or null while it does
 */
public record ProducerStatus(
        long sent,
        long failed,
        long pending,
        int ratePerSecond,
        boolean paused,
        long burstRemaining,
        boolean kafkaReachable,
        Instant kafkaUnreachableSince) {
}
