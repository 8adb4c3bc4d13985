package dev.matriculas.endtoend;

import static dev.matriculas.endtoend.RunningServices.metric;
import static dev.matriculas.endtoend.RunningServices.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import dev.matriculas.testkafka.KafkaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live-stream clients that stop reading (a frozen tab, a dead link that still holds its connection) while
 * another client watches. Updates are made large (500 newest rows, about 150 KB each) and frequent (the shortest
 * push interval allowed, with records arriving faster than that) so the stuck clients' socket buffers fill within
 * a second; from then on every write to them blocks until the container gives up (20 s, server.tomcat.connection-timeout).
 */
@KafkaTest
class SlowStreamClientsResilienceTest {

    @RegisterExtension
    static final RunningPipeline pipeline = RunningPipeline.producingPerSecond(200)
            .withDashboard(Map.of("DASHBOARD_NEWEST_ROWS", "500", "DASHBOARD_PUSH_INTERVAL", "50ms"));

    private static final int STUCK_CLIENTS = 5;

    @Test
    void clientsThatStopReadingDoNotHoldUpTheOthers() throws Exception {
        ServiceProcess dashboard = pipeline.dashboard();
        await().atMost(Duration.ofSeconds(60)).until(() -> total(dashboard) >= 500);
        URI address = dashboard.uri("/");
        List<Socket> stuck = new ArrayList<>();
        for (int i = 0; i < STUCK_CLIENTS; i++) {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(address.getHost(), address.getPort()));
            socket.getOutputStream().write("GET /api/stream HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            stuck.add(socket); // and never read
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> metric(dashboard, "dashboard.stream.clients") == STUCK_CLIENTS);

        AtomicLong liveEvents = new AtomicLong();
        CompletableFuture<Void> live = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(dashboard.uri("/api/stream")).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("event:summary")).forEach(line -> liveEvents.incrementAndGet()));
        // One update per push interval (50 ms) while records arrive: 100 take 5 s, well within the 20 s the stuck
        // clients are held. Were the push held up by them, the live client would get its updates only once the
        // container had dropped them.
        await("live client keeps getting updates").atMost(Duration.ofSeconds(60))
                .until(() -> liveEvents.get() >= 100);
        assertThat(metric(dashboard, "dashboard.stream.clients")).as("streams open, the stuck ones still held")
                .isEqualTo(STUCK_CLIENTS + 1);
        assertThat(live).isNotDone();
        live.cancel(true);
        for (Socket socket : stuck) {
            socket.close();
        }
    }
}
