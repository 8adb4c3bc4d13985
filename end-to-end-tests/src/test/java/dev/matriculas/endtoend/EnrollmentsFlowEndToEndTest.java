package dev.matriculas.endtoend;

import static dev.matriculas.endtoend.RunningServices.acknowledgedOncePaused;
import static dev.matriculas.endtoend.RunningServices.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.matriculas.testkafka.KafkaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Records travel producer → real broker → dashboard, and the dashboard counts each one exactly once. */
@KafkaTest
class EnrollmentsFlowEndToEndTest {

    @RegisterExtension
    static final RunningPipeline pipeline = RunningPipeline.producingPerSecond(50);

    @Test
    void dashboardCountsEveryAcknowledgedEnrollmentOnce() {
        ServiceProcess producer = pipeline.producer();
        ServiceProcess dashboard = pipeline.dashboard();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> dashboard.get("/api/summary").path("totalEnrollments").asLong() >= 100);

        long acknowledged = acknowledgedOncePaused(producer);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> dashboard.get("/api/summary").path("totalEnrollments").asLong() == acknowledged);
        JsonNode summary = dashboard.get("/api/summary");
        assertThat(sum(summary.path("byCourse"))).isEqualTo(acknowledged);
        assertThat(sum(summary.path("byPayment"))).isEqualTo(acknowledged);
        assertThat(sum(summary.path("byShift"))).isEqualTo(acknowledged);
        assertThat(summary.path("rejected").path("total").asLong()).isZero();
        producer.post("/api/producer/resume");
    }
}
