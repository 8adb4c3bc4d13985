package dev.matriculas.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.matriculas.dashboard.status.ConsumerProgress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Health says when the figures leave records out: a topic with more partitions than the listener reads. */
class FoldingHealthIndicatorTest {

    private final ConsumerProgress progress = mock(ConsumerProgress.class);
    private final TopicPartitions partitions = mock(TopicPartitions.class);
    private final FoldingHealthIndicator folding = new FoldingHealthIndicator(progress, partitions);

    @Test
    void isUpWhileTheListenerReadsEveryPartitionOfTheTopic() {
        when(partitions.assigned()).thenReturn(3);
        when(progress.topicPartitions()).thenReturn(3);

        assertThat(folding.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownNamingBothCountsWhenTheTopicHasMorePartitionsThanTheListenerReads() {
        when(partitions.assigned()).thenReturn(3);
        when(progress.topicPartitions()).thenReturn(5);

        Health health = folding.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error")).asString().contains("has 5 partitions", "reads 3", "restart");
    }
}
