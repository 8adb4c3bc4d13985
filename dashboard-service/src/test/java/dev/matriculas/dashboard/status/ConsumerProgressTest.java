package dev.matriculas.dashboard.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Lag while records are fetched and folded, by a consumer for each partition. */
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
    void recordsHandedBackAfterABadOneCountOnceWhenDeliveredAgain() {
        fetch(10, 10);
        progress.folded(4);
        progress.handedBack(6);
        progress.parked();
        // The five after the parked one come again, from the same position.
        progress.fetched(consumer, 5);

        assertThat(progress.consumed()).isEqualTo(5);
        assertThat(progress.lag()).isEqualTo(95);
    }

    @Test
    void theLagIsKnownOnceEveryPartitionsConsumerHasReadIt() {
        TopicPartition second = new TopicPartition(PARTITION.topic(), 1);
        List<PartitionInfo> topic = List.of(new PartitionInfo(PARTITION.topic(), 0, null, null, null),
                new PartitionInfo(PARTITION.topic(), 1, null, null, null));
        consumer.updatePartitions(PARTITION.topic(), topic);
        MockConsumer<byte[], byte[]> other = new MockConsumer<>("earliest");
        other.updatePartitions(PARTITION.topic(), topic);
        other.assign(List.of(second));
        other.updateBeginningOffsets(Map.of(second, 0L));
        other.updateEndOffsets(Map.of(second, 50L));

        fetch(10, 10);
        assertThat(progress.lagKnown()).isFalse();
        assertThat(progress.backlogAtStart()).isEqualTo(-1);

        other.seek(second, 5);
        progress.fetched(other, 5);
        assertThat(progress.lagKnown()).isTrue();
        assertThat(progress.lagByPartition()).containsExactly(Map.entry(0, 90L), Map.entry(1, 45L));
        assertThat(progress.lag()).isEqualTo(150);
        assertThat(progress.backlogAtStart()).isEqualTo(150);
    }

    @Test
    void whileTheConsumerHasNoPartitionTheLastLagReadStands() {
        fetch(10, 10);

        // Kafka away: the group lost its partitions, and the quiet listener only gets idle events.
        consumer.assign(List.of());
        progress.refresh(consumer);

        assertThat(progress.lagKnown()).isTrue();
        assertThat(progress.lagByPartition()).containsExactly(Map.entry(0, 90L));
    }
}
