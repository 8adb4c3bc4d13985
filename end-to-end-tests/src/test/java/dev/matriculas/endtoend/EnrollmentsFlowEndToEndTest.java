package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.matriculas.localkafka.LocalKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Records travel producer → real broker → dashboard, and the dashboard counts each one exactly once. */
class EnrollmentsFlowEndToEndTest {

    @TempDir
    static Path kafkaData;

    static LocalKafka kafka;
    static ServiceProcess producer;
    static ServiceProcess dashboard;

    @BeforeAll
    static void startPipeline() {
        kafka = LocalKafka.onFreePorts(kafkaData).start();
        producer = ServiceProcess.producer(kafka.bootstrapServers(), Map.of("PRODUCER_RATE_PER_SECOND", "50")).start();
        dashboard = ServiceProcess.dashboard(kafka.bootstrapServers(), Map.of()).start();
    }

    @AfterAll
    static void stopPipeline() {
        for (AutoCloseable closeable : new AutoCloseable[] {dashboard, producer, kafka}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // keep stopping the others
            }
        }
    }

    @Test
    void dashboardCountsEveryAcknowledgedEnrollmentOnce() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> dashboard.get("/api/summary").path("totalEnrollments").asLong() >= 100);

        producer.post("/api/producer/pause");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> producer.get("/api/producer").path("pending").asLong() == 0);
        long acknowledged = producer.get("/api/producer").path("sent").asLong();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> dashboard.get("/api/summary").path("totalEnrollments").asLong() == acknowledged);
        JsonNode summary = dashboard.get("/api/summary");
        assertThat(sum(summary.path("byCourse"))).isEqualTo(acknowledged);
        assertThat(sum(summary.path("byPayment"))).isEqualTo(acknowledged);
        assertThat(sum(summary.path("byShift"))).isEqualTo(acknowledged);
        assertThat(summary.path("rejected").path("total").asLong()).isZero();
        producer.post("/api/producer/resume");
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode count : counts.values()) {
            total += count.asLong();
        }
        return total;
    }
}
