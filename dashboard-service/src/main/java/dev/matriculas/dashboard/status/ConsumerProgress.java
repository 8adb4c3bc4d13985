package dev.matriculas.dashboard.status;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/**
 * How far the dashboard is behind the end of the topic, per partition. The lag is read from the consumer's own
 * fetch positions (no request to Kafka, a few microseconds) after every batch, so the last batch of a backlog
 * shows as its end at once, and on the listener's idle events while the topic is quiet. While the consumer has no
 * partition (Kafka away, a rebalance), the last lag read stands. Records delivered but not yet folded (the rest of
 * the batch under way) count in the total lag, not in a partition's.
 */
@Component
public class ConsumerProgress {

    private final AtomicLong consumed = new AtomicLong();
    /** Kafka's lag per partition, and how many records had been fetched when it was read. */
    private volatile Snapshot lag = new Snapshot(Map.of(), 0);
    private volatile boolean lagKnown;
    private volatile long backlogAtStart = -1;

    /** Called on the consumer thread as each batch (or what is left of it after a bad record) is delivered. */
    public void fetched(Consumer<?, ?> consumer, int records) {
        refresh(consumer, consumed.get() + records);
    }

    /** When the topic is quiet the listener is not called; the idle event still lets us read the lag. */
    @EventListener(condition = "event.listenerId.startsWith('enrollments')")
    void onIdle(ListenerContainerIdleEvent event) {
        Consumer<?, ?> consumer = event.getConsumer();
        if (consumer != null) {
            refresh(consumer, consumed.get());
        }
    }

    private void refresh(Consumer<?, ?> consumer, long fetched) {
        Set<TopicPartition> assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return;
        }
        Map<Integer, Long> current = new TreeMap<>();
        boolean known = true;
        for (TopicPartition partition : assignment) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            if (partitionLag.isPresent()) {
                current.put(partition.partition(), partitionLag.getAsLong());
            } else {
                known = false;
            }
        }
        Snapshot snapshot = new Snapshot(Map.copyOf(current), fetched);
        lag = snapshot;
        lagKnown = known;
        if (lagKnown && backlogAtStart < 0) {
            backlogAtStart = snapshot.fetched() + snapshot.total();
        }
    }

    private record Snapshot(Map<Integer, Long> byPartition, long fetched) {
        long total() {
            return byPartition.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Called once a batch is folded into the figures (or parked). */
    public void folded(int records) {
        consumed.addAndGet(records);
    }

    /** Records folded into the figures or parked. */
    public long consumed() {
        return consumed.get();
    }

    public Map<Integer, Long> lagByPartition() {
        return new TreeMap<>(lag.byPartition());
    }

    /** Kafka's lag when last read, plus the records fetched by then and not folded yet. */
    public long lag() {
        Snapshot snapshot = lag;
        return snapshot.total() + Math.max(0, snapshot.fetched() - consumed.get());
    }

    public boolean lagKnown() {
        return lagKnown;
    }

    /** Records read plus records left when the lag was first known; -1 before. */
    public long backlogAtStart() {
        return backlogAtStart;
    }
}
