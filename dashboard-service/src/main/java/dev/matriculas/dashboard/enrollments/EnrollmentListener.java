package dev.matriculas.dashboard.enrollments;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.pipeline.ConsumerProgress;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads the whole topic and hands it, a batch at a time, to the {@link EnrollmentFolder}. Every instance has a
 * consumer group of its own and commits nothing, so it reads every partition from the beginning: a restart
 * rebuilds the same figures and two dashboards side by side both show them all. It remembers how far it has
 * read, so a rebalance (after Kafka was away, say) resumes there instead of reading again.
 */
@Component
class EnrollmentListener implements ConsumerSeekAware {

    static final String ID = "enrollments";

    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final EnrollmentFolder folder;
    private final ConsumerProgress progress;

    EnrollmentListener(EnrollmentFolder folder, ConsumerProgress progress) {
        this.folder = folder;
        this.progress = progress;
    }

    /** Started by {@link ListenerStarter}, which retries while Kafka cannot be reached. */
    @KafkaListener(id = ID, topics = Enrollment.TOPIC, batch = "true", autoStartup = "false",
            groupId = "matriculas-dashboard-#{T(java.util.UUID).randomUUID()}")
    void onRecords(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        // Counted before the folder can count them folded.
        progress.fetched(consumer, records.size());
        if (folder.fold(records)) {
            remember(records);
        }
    }

    /** The position after the last record of each partition in the batch. */
    private void remember(List<ConsumerRecord<byte[], byte[]>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            boolean lastOfItsPartition = i == records.size() - 1 || records.get(i + 1).partition() != record.partition();
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
