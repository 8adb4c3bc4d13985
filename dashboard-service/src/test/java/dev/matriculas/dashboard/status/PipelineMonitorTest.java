package dev.matriculas.dashboard.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;

/** The read rate the API and the page show. */
class PipelineMonitorTest {

    private final ConsumerProgress progress = new ConsumerProgress();
    private final PipelineMonitor pipeline = new PipelineMonitor(mock(KafkaConnection.class), progress);

    private double tick(int records) {
        progress.folded(records);
        pipeline.tick();
        return pipeline.status().recordsPerSecond();
    }

    @Test
    void aStopShowsARateOfZeroAfterTwoQuietSecondsNotAfterAFewHalvings() {
        assertThat(tick(1000)).isPositive();
        assertThat(tick(0)).isPositive();

        assertThat(tick(0)).isZero();
    }

    @Test
    void aSlowStreamWithASecondWithoutRecordsNowAndThenDoesNotDropToZero() {
        for (int second = 0; second < 10; second++) {
            assertThat(tick(second % 2 == 0 ? 2 : 0)).as("second %d", second).isPositive();
        }
    }
}
