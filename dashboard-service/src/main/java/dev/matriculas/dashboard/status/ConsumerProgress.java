package dev.matriculas.dashboard.status;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * How far the dashboard is behind the end of the topic, per partition. Each partition has a consumer of its own;
 * each reads the lag of its partitions from its fetch positions (no request to Kafka, a few microseconds) after
 * every batch, so the last batch of a backlog shows as its end at once, and on the listener's idle events while the
 * topic is quiet (the listener hands them on). While Kafka is away, the last lag read for a partition stands.
 * Records delivered but not yet folded (the rest of a batch under way) count in the total lag, not in a partition's.
 */
@Component
public class ConsumerProgress {

    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Map<Integer, Long> lag = new ConcurrentHashMap<>();
    private final Set<Integer> lagUnknown = ConcurrentHashMap.newKeySet();
    /** The topic's partitions, from the consumer's metadata; 0 until known. */
    private volatile int partitions;
    private volatile long backlogAtStart = -1;

    /** Called on a consumer's thread as each batch (or what is left of it after a bad record) is delivered. */
    public void fetched(Consumer<?, ?> consumer, int records) {
        delivered.addAndGet(records);
        refresh(consumer);
    }

    /** Called on a consumer's thread while the topic is quiet, so the lag is read without a batch. */
    public void refresh(Consumer<?, ?> consumer) {
        Set<TopicPartition> assignment = consumer.assignment();
        for (TopicPartition partition : assignment) {
            if (partitions == 0) {
                List<PartitionInfo> topic = consumer.partitionsFor(partition.topic());
                partitions = topic == null ? 0 : topic.size();
            }
            if (partitions > 0 && partition.partition() >= partitions) {
                // Assigned before the topic had it (Kafka away at start-up): no lag until it exists.
                continue;
            }
            OptionalLong partitionLag = consumer.currentLag(partition);
            if (partitionLag.isPresent()) {
                lag.put(partition.partition(), partitionLag.getAsLong());
                lagUnknown.remove(partition.partition());
            } else {
                lagUnknown.add(partition.partition());
            }
        }
        if (backlogAtStart < 0 && lagKnown()) {
            backlogAtStart = consumed.get() + lag();
        }
    }

    /** Called as records of a delivered batch are folded into the figures. */
    public void folded(int records) {
        delivered.addAndGet(-records);
        consumed.addAndGet(records);
    }

    /** Called for the records of a delivered batch after one that cannot be folded: they are delivered again. */
    public void handedBack(int records) {
        delivered.addAndGet(-records);
    }

    /** Called once a record handed back is parked instead of folded. */
    public void parked() {
        consumed.incrementAndGet();
    }

    /** Records folded into the figures or parked. */
    public long consumed() {
        return consumed.get();
    }

    public Map<Integer, Long> lagByPartition() {
        return new TreeMap<>(lag);
    }

    /** Kafka's lag when last read, plus the records delivered by then and not folded yet. */
    public long lag() {
        return lag.values().stream().mapToLong(Long::longValue).sum() + Math.max(0, delivered.get());
    }

    /** The topic's partitions, as Kafka said when the first batch or idle event came; 0 before. */
    public int topicPartitions() {
        return partitions;
    }

    /** Whether the lag of every partition of the topic has been read. */
    public boolean lagKnown() {
        return !lag.isEmpty() && lagUnknown.isEmpty() && lag.size() >= partitions;
    }

    /** Records read plus records left when the lag was first known; -1 before. */
    public long backlogAtStart() {
        return backlogAtStart;
    }
}
