package dev.matriculas.dashboard.enrollments;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.EnrollmentParser;
import dev.matriculas.contract.InvalidEnrollmentException;
import dev.matriculas.contract.RejectReason;
import dev.matriculas.dashboard.pipeline.ConsumerProgress;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Folds the whole topic into the store. Every instance has a consumer group of its own and commits
 * nothing, so it reads every partition from the beginning: a restart rebuilds the same figures and two
 * dashboards side by side both show them all. It remembers how far it has read, so a rebalance (after
 * Kafka was away, say) resumes there instead of reading again. A record that is not an enrollment throws,
 * and the error handler (see {@link DeadLetters}) parks it on the dead-letter topic without stopping.
 */
@Component
class EnrollmentListener implements ConsumerSeekAware {

    private final EnrollmentParser parser = new EnrollmentParser();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final EnrollmentStore store;
    private final ConsumerProgress progress;

    EnrollmentListener(EnrollmentStore store, ConsumerProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    @KafkaListener(id = "enrollments", topics = Enrollment.TOPIC,
            groupId = "matriculas-dashboard-#{T(java.util.UUID).randomUUID()}")
    void onRecord(ConsumerRecord<byte[], byte[]> record, Consumer<?, ?> consumer) {
        positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        try {
            if (record.value() == null) {
                store.remove(tombstoneId(record.key()));
            } else {
                store.put(parser.parse(record.key(), record.value()), record.timestamp());
            }
        } finally {
            progress.consumed(consumer);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assignments.keySet().forEach(partition -> {
            Long position = positions.get(partition);
            if (position != null) {
                callback.seek(partition.topic(), partition.partition(), position);
            }
        });
    }

    private static String tombstoneId(byte[] key) {
        if (key == null) {
            throw new InvalidEnrollmentException(RejectReason.KEY_MISMATCH, "a tombstone without a key removes nothing");
        }
        String id = new String(key, StandardCharsets.UTF_8);
        if (!Arrays.equals(id.getBytes(StandardCharsets.UTF_8), key)) {
            throw new InvalidEnrollmentException(RejectReason.INVALID_UTF8, "the tombstone's key is not valid UTF-8");
        }
        return id;
    }
}
