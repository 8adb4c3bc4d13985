package dev.matriculas.dashboard.pipeline;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How far the dashboard is behind the end of the topic, per partition. The lag is read from the consumer's own
 * fetch positions (no extra request to Kafka): after every batch until every partition's lag is known, so that
 * progress shows even when the backlog is read in under a second, then at most twice a second. Records fetched
 * but not yet folded (a few batches at most) count in the total lag, not in a partition's.
 */
@Component
public class ConsumerProgress {

    private static final long REFRESH_NANOS = 500_000_000L;

    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong consumed = new AtomicLong();
    /** Kafka's lag per partition, and how many records had been fetched when it was read. */
    private volatile Snapshot lag = new Snapshot(Map.of(), 0);
    private volatile long lastRefresh;
    private volatile boolean lagKnown;
    private volatile long backlogAtStart = -1;

    /** Called on the consumer thread as each batch is handed over to be folded. */
    public void fetched(Consumer<?, ?> consumer, int records) {
        fetched.addAndGet(records);
        long now = System.nanoTime();
        if (!lagKnown || now - lastRefresh > REFRESH_NANOS) {
            refresh(consumer, now);
        }
    }

    /** When the topic is quiet the listener is not called; the idle event still lets us read the lag. */
    @EventListener(condition = "event.listenerId.startsWith('enrollments')")
    void onIdle(ListenerContainerIdleEvent event) {
        Consumer<?, ?> consumer = event.getConsumer();
        if (consumer != null) {
            refresh(consumer, System.nanoTime());
        }
    }

    private void refresh(Consumer<?, ?> consumer, long now) {
        lastRefresh = now;
        Map<Integer, Long> current = new TreeMap<>();
        boolean known = true;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            if (partitionLag.isPresent()) {
                current.put(partition.partition(), partitionLag.getAsLong());
            } else {
                known = false;
            }
        }
        Snapshot snapshot = new Snapshot(Map.copyOf(current), fetched.get());
        lag = snapshot;
        lagKnown = known && !current.isEmpty();
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
