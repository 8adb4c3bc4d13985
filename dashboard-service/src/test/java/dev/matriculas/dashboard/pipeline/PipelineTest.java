package dev.matriculas.dashboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;

/** The read rate the API and the page show. */
class PipelineTest {

    private final ConsumerProgress progress = new ConsumerProgress();
    private final Pipeline pipeline = new Pipeline(mock(KafkaConnection.class), progress);

    @Test
    void aSecondWithNoRecordShowsARateOfZeroAtOnce() {
        progress.folded(1000);
        pipeline.tick();
        assertThat(pipeline.status().recordsPerSecond()).isPositive();

        pipeline.tick();

        // Not half the rate before, then a quarter...: each of those changes would be pushed to every page.
        assertThat(pipeline.status().recordsPerSecond()).isZero();
    }
}
