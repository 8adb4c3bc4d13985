package dev.matriculas.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.matriculas.dashboard.DashboardApplication;
import dev.matriculas.dashboard.TestKafka;
import dev.matriculas.testkafka.KafkaTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping the service with a browser tab open does not wait on the tab's live stream. */
@KafkaTest
class StreamShutdownTest {

    @Test
    void stoppingTheServiceEndsOpenStreamsInsteadOfWaitingForThem() throws Exception {
        try (TestKafka kafka = TestKafka.shared()) {
            ConfigurableApplicationContext service = new SpringApplicationBuilder(DashboardApplication.class).run(
                    "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.broker().bootstrapServers(),
                    // Far longer than the wait below: only ending the streams lets the test pass.
                    "--spring.lifecycle.timeout-per-shutdown-phase=5m");
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                    .sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream")).build(),
                            HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS);
            CompletableFuture<Long> streamEnded = CompletableFuture.supplyAsync(() -> stream.body().count());
            assertThat(stream.statusCode()).isEqualTo(200);

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(service::close);

            await().atMost(Duration.ofSeconds(20)).until(() -> streamEnded.isDone() && stopped.isDone());
            assertThat(service.isActive()).isFalse();
        }
    }
}
