package dev.matriculas.endtoend;

import static dev.matriculas.endtoend.RunningServices.acknowledgedOncePaused;
import static dev.matriculas.endtoend.RunningServices.health;
import static dev.matriculas.endtoend.RunningServices.sum;
import static dev.matriculas.endtoend.RunningServices.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.matriculas.testkafka.KafkaTest;
import dev.matriculas.testkafka.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The broker is stopped mid-stream (shut down: connections refused) and started again on the same ports and
 * data, while the producer and the dashboard run on as separate processes, neither restarted. The outage, about 20 s, outlasts the producer's grace before
 * it reports Kafka away (5 s) and its wait for a topic's metadata (max.block.ms, 10 s).
 */
@KafkaTest(ownBroker = true)
class BrokerOutageResilienceTest {

    @RegisterExtension
    static final RunningPipeline pipeline = RunningPipeline.producingPerSecond(50).withOwnBroker();

    @Test
    void everyEnrollmentAcknowledgedAcrossABrokerStopAndStartIsCountedExactlyOnce() {
        TestBroker kafka = pipeline.kafka();
        ServiceProcess producer = pipeline.producer();
        ServiceProcess dashboard = pipeline.dashboard();
        await().atMost(Duration.ofSeconds(90)).until(() -> total(dashboard) >= 100);

        kafka.stop();
        await("producer reports Kafka away").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> health(producer).equals("DEGRADED"));
        assertThat(producer.status("/actuator/health")).as("DEGRADED still answers 200").isEqualTo(200);
        // Held down for 15 s more: both services stay up and keep answering the whole time.
        await("outage held").during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> health(producer).equals("DEGRADED") && dashboard.status("/api/summary") == 200);
        assertThat(dashboard.get("/api/summary").path("pipeline").path("connected").asBoolean()).isFalse();
        long sentDuringOutage = producer.get("/api/producer").path("sent").asLong();

        kafka.start();
        await("producer recovers by itself").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> health(producer).equals("UP")
                        && producer.get("/api/producer").path("sent").asLong() > sentDuringOutage + 100);
        await("dashboard recovers by itself").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> health(dashboard).equals("UP")
                        && dashboard.get("/api/summary").path("pipeline").path("connected").asBoolean());

        long acknowledged = acknowledgedOncePaused(producer);
        assertThat(producer.get("/api/producer").path("failed").asLong()).isZero();
        await().atMost(Duration.ofSeconds(120)).until(() -> total(dashboard) == acknowledged);
        JsonNode summary = dashboard.get("/api/summary");
        assertThat(sum(summary.path("byCourse"))).isEqualTo(acknowledged);
        assertThat(summary.path("rejected").path("total").asLong()).isZero();
    }
}
