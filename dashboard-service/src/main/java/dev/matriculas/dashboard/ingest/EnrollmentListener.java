package dev.matriculas.dashboard.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.contract.EnrollmentParser;
import dev.matriculas.dashboard.status.ConsumerProgress;
import dev.matriculas.dashboard.store.Change;
import dev.matriculas.dashboard.store.EnrollmentStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads the whole topic and folds it into the store, in order. Every instance is assigned every partition
 * ({@link TopicPartitions}) and starts each from offset 0, committing nothing: a restart rebuilds the
 * same figures and two dashboards side by side both show them all. Each partition has a consumer thread of its
 * own ({@link KafkaConfiguration}), so records are parsed on every core while all records of an id, being in one
 * partition, still fold in order. A consumer keeps its position while Kafka is away, and the listener remembers how
 * far it has folded, so a listener started again ({@link ListenerStarter}) resumes there rather than at offset 0.
 * A batch is read first and folded as one, so the store is locked once a batch. A record that is not an enrollment is
 * handed, by its place in the batch, to the container's error handler, which parks it ({@link KafkaConfiguration}); the
 * records before it are folded.
 */
@Component
class EnrollmentListener implements ConsumerSeekAware {

    static final String ID = "enrollments";

    private final EnrollmentParser parser = new EnrollmentParser();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
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
            topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = Enrollment.TOPIC,
                    partitions = "#{@topicPartitions.all()}",
                    partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0")))
    void onRecords(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        progress.fetched(consumer, records.size());
        List<Change> changes = new ArrayList<>(records.size());
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                changes.add(change(record));
            }
        } catch (RuntimeException e) {
            fold(records, changes);
            progress.handedBack(records.size() - changes.size());
            throw new BatchListenerFailedException("cannot read the record", e, changes.size());
        }
        fold(records, changes);
    }

    private Change change(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Change.remove(parser.parseKey(record.key()));
        }
        return Change.put(parser.parse(record.key(), record.value()), record.timestamp());
    }

    /** Folds what the first records of the batch, as many as there are changes, were read into. */
    private void fold(List<ConsumerRecord<byte[], byte[]>> records, List<Change> changes) {
        store.apply(changes);
        progress.folded(changes.size());
        remember(records.subList(0, changes.size()));
    }

    /** The position after the last folded record of each partition. */
    private void remember(List<ConsumerRecord<byte[], byte[]>> folded) {
        for (int i = 0; i < folded.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = folded.get(i);
            if (i == folded.size() - 1 || folded.get(i + 1).partition() != record.partition()) {
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
        }
    }

    /** When the topic is quiet no batch comes; the container's idle event still lets the lag be read. */
    @EventListener(condition = "event.listenerId.startsWith('" + ID + "')")
    void onIdle(ListenerContainerIdleEvent event) {
        if (event.getConsumer() != null) {
            progress.refresh(event.getConsumer());
        }
    }

    /** Called as the consumers start, after the seek to offset 0. */
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
