package dev.matriculas.dashboard.enrollments;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.EnrollmentParser;
import dev.matriculas.dashboard.pipeline.ConsumerProgress;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Folds the whole topic into the store. Every instance has a consumer group of its own and commits
 * nothing, so it reads every partition from the beginning: a restart rebuilds the same figures and two
 * dashboards side by side both show them all. It remembers how far it has read, so a rebalance (after
 * Kafka was away, say) resumes there instead of reading again. Records come in batches, for speed; one that
 * is not an enrollment stops its batch there, and the error handler (see {@link DeadLetters}) parks it on the
 * dead-letter topic and resumes with the next record.
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

    static final String ID = "enrollments";

    /** Started by {@link ListenerStarter}, which retries while Kafka cannot be reached. */
    @KafkaListener(id = ID, topics = Enrollment.TOPIC, batch = "true", autoStartup = "false",
            groupId = "matriculas-dashboard-#{T(java.util.UUID).randomUUID()}")
    void onRecords(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        int folded = 0;
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                fold(record, folded);
                folded++;
            }
        } finally {
            // A failed record counts as read too: the error handler parks it and the batch resumes after it.
            int read = Math.min(folded + 1, records.size());
            remember(records, read);
            progress.consumed(consumer, read);
        }
    }

    private void fold(ConsumerRecord<byte[], byte[]> record, int index) {
        try {
            if (record.value() == null) {
                store.remove(parser.parseKey(record.key()));
            } else {
                store.put(parser.parse(record.key(), record.value()), record.timestamp());
            }
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException(e.getMessage(), e, index);
        }
    }

    /** The position after the last of the first {@code count} records, for each partition among them. */
    private void remember(List<ConsumerRecord<byte[], byte[]>> records, int count) {
        for (int i = 0; i < count; i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            boolean lastOfItsPartition = i == count - 1 || records.get(i + 1).partition() != record.partition();
            if (lastOfItsPartition) {
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
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
}
