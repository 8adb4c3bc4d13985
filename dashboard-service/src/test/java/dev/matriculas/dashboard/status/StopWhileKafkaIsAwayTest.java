package dev.matriculas.dashboard.status;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.matriculas.dashboard.DashboardApplication;
import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.testkafka.KafkaTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the dashboard while Kafka is away (the whole stack stopping, Kafka first) does not wait on Kafka:
 * a container runtime would otherwise kill it before it had closed.
 */
@KafkaTest(ownBroker = true)
class StopWhileKafkaIsAwayTest {

    @Test
    void stopsPromptlyWhileKafkaIsAway() {
        try (TestKafka kafka = TestKafka.own()) {
            ConfigurableApplicationContext service = new SpringApplicationBuilder(DashboardApplication.class).run(
                    "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.broker().bootstrapServers());
            PipelineMonitor pipeline = service.getBean(PipelineMonitor.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.status().connected());
            kafka.broker().stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> !pipeline.status().connected());

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(service::close);

            // Docker's default grace before it kills a container.
            await().atMost(Duration.ofSeconds(10)).until(stopped::isDone);
        }
    }
}
