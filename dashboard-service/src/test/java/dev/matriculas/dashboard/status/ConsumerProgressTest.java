package dev.matriculas.dashboard.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.event.ListenerContainerIdleEvent;

/** Lag while records are fetched by the consumer and folded by another thread. */
class ConsumerProgressTest {

    private static final TopicPartition PARTITION = new TopicPartition("registration_topic", 0);

    private final ConsumerProgress progress = new ConsumerProgress();
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    ConsumerProgressTest() {
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 100L));
    }

    /** The consumer has read up to {@code position} and hands over the last {@code records} of them. */
    private void fetch(long position, int records) {
        consumer.seek(PARTITION, position);
        progress.fetched(consumer, records);
    }

    @Test
    void countsEveryRecordNotYetFoldedOnceWhetherFetchedOrNot() {
        fetch(10, 10);

        assertThat(progress.lag()).isEqualTo(100);
        assertThat(progress.lagByPartition()).containsExactly(Map.entry(0, 90L));
        assertThat(progress.backlogAtStart()).isEqualTo(100);

        progress.folded(10);
        assertThat(progress.lag()).isEqualTo(90);

        // Fetched and not folded yet: counted as fetched, no longer in Kafka's lag, so once and not twice.
        fetch(30, 20);
        assertThat(progress.lag()).isEqualTo(90);

        progress.folded(20);
        assertThat(progress.lag()).isEqualTo(70);
        assertThat(progress.consumed()).isEqualTo(30);
    }

    @Test
    void theLastBatchOfABacklogShowsAsItsEndAtOnce() {
        fetch(10, 10);
        fetch(100, 90);
        progress.folded(100);

        assertThat(progress.lagByPartition()).containsExactly(Map.entry(0, 0L));
        assertThat(progress.lag()).isZero();
    }

    @Test
    void whileTheConsumerHasNoPartitionTheLastLagReadStands() {
        fetch(10, 10);

        // Kafka away: the group lost its partitions, and the quiet listener only gets idle events.
        consumer.assign(List.of());
        progress.onIdle(new ListenerContainerIdleEvent(this, this, 1000, "enrollments-0", List.of(), consumer, false));

        assertThat(progress.lagKnown()).isTrue();
        assertThat(progress.lagByPartition()).containsExactly(Map.entry(0, 90L));
    }
}
