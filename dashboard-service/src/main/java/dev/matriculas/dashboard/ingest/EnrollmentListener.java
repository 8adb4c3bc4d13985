package dev.matriculas.dashboard.ingest;

import java.util.ArrayList;
import java.util.List;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.EnrollmentParser;
import dev.matriculas.dashboard.status.ConsumerProgress;
import dev.matriculas.dashboard.store.Change;
import dev.matriculas.dashboard.store.EnrollmentStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads the whole topic and folds it into the store, in order. Every instance is assigned every partition
 * ({@link TopicPartitions}) and reads each from the beginning, whatever was read before: a restart rebuilds the
 * same figures and two dashboards side by side both show them all. Each partition has a consumer thread of its
 * own ({@link KafkaSetup}), so records are parsed on every core while all records of an id, being in one
 * partition, still fold in order; a consumer keeps its position while Kafka is away and goes on from there. A batch
 * is read first and folded as one, so the store is locked once a batch. A record that is not an enrollment is
 * handed, by its place in the batch, to the container's error handler, which parks it ({@link KafkaSetup}); the
 * records before it are folded.
 */
@Component
class EnrollmentListener {

    static final String ID = "enrollments";

    private final EnrollmentParser parser = new EnrollmentParser();
    private final EnrollmentStore store;
    private final ConsumerProgress progress;

    EnrollmentListener(EnrollmentStore store, ConsumerProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    /**
     * Started by {@link ListenerStarter}, which retries while Kafka cannot be reached. Each partition is read from its
     * first offset, so no consumer asks a group for offsets; the group, a new one each run and joined by no one, only
     * takes what the error handler commits as it parks a record.
     */
    @KafkaListener(id = ID, batch = "true", autoStartup = "false",
            groupId = "matriculas-dashboard-#{T(java.util.UUID).randomUUID()}",
            topicPartitions = @TopicPartition(topic = Enrollment.TOPIC, partitions = "#{@topicPartitions.all()}",
                    partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0")))
    void onRecords(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        progress.fetched(consumer, records.size());
        List<Change> changes = new ArrayList<>(records.size());
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                changes.add(change(record));
            }
        } catch (RuntimeException e) {
            fold(changes);
            progress.handedBack(records.size() - changes.size());
            throw new BatchListenerFailedException("cannot read the record", e, changes.size());
        }
        fold(changes);
    }

    private Change change(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Change.remove(parser.parseKey(record.key()));
        }
        return Change.put(parser.parse(record.key(), record.value()), record.timestamp());
    }

    /** Folds what the first records of the batch, as many as there are changes, were read into. */
    private void fold(List<Change> changes) {
        store.apply(changes);
        progress.folded(changes.size());
    }
}
