package dev.matriculas.endtoend;

import static dev.matriculas.endtoend.RunningServices.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.matriculas.testkafka.KafkaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crowds of live-stream clients come and vanish without a goodbye (a TCP reset), round after round, while
 * one steady client watches: the dashboard lets go of every dropped stream and keeps serving the one that stays.
 * How much heap the rounds leave behind is a figure of {@code bench/heap.sh}.
 */
@KafkaTest
class StreamClientsResilienceTest {

    @RegisterExtension
    static final RunningPipeline pipeline = RunningPipeline.producingPerSecond(20);

    private static final int CLIENTS = 1_000;
    private static final int ROUNDS = 3;
    private static final String OPEN_STREAMS = "dashboard.stream.clients";

    private final ExecutorService connectors = Executors.newFixedThreadPool(32);

    @Test
    void streamsDroppedAbruptlyAreReleasedAndTheLiveClientKeepsGettingUpdates() throws Exception {
        ServiceProcess dashboard = pipeline.dashboard();
        AtomicLong liveEvents = new AtomicLong();
        CompletableFuture<HttpResponse<Void>> live = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(dashboard.uri("/api/stream")).build(),
                HttpResponse.BodyHandlers.ofByteArrayConsumer(bytes -> bytes.ifPresent(chunk -> {
                    if (new String(chunk, StandardCharsets.UTF_8).contains("event:summary")) {
                        liveEvents.incrementAndGet();
                    }
                })));
        await().atMost(Duration.ofSeconds(30)).until(() -> liveEvents.get() > 0 && metric(dashboard, OPEN_STREAMS) == 1);

        for (int round = 1; round <= ROUNDS; round++) {
            long eventsBefore = liveEvents.get();
            List<Socket> crowd = connect(CLIENTS);
            await("round " + round + ": every stream open").atMost(Duration.ofSeconds(60))
                    .until(() -> metric(dashboard, OPEN_STREAMS) == CLIENTS + 1);

            for (Socket socket : crowd) {
                socket.setSoLinger(true, 0); // close sends a reset, as a crashed browser or a pulled cable would
                socket.close();
            }
            await("round " + round + ": dropped streams released").atMost(Duration.ofSeconds(60))
                    .until(() -> metric(dashboard, OPEN_STREAMS) == 1);
            await("round " + round + ": live client still updated").atMost(Duration.ofSeconds(30))
                    .until(() -> liveEvents.get() > eventsBefore + 5);
        }

        assertThat(live).isNotDone();
        live.cancel(true);
    }

    @AfterEach
    void stopConnecting() {
        connectors.shutdownNow();
    }

    /** Opens streams the way a browser does and waits for the first summary on each. */
    private List<Socket> connect(int count) throws Exception {
        List<Future<Socket>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opening.add(connectors.submit(this::openStream));
        }
        List<Socket> sockets = new ArrayList<>();
        for (Future<Socket> socket : opening) {
            sockets.add(socket.get());
        }
        return sockets;
    }

    private Socket openStream() {
        try {
            URI dashboard = pipeline.dashboard().uri("/");
            Socket socket = new Socket(dashboard.getHost(), dashboard.getPort());
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET /api/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.startsWith("event:summary"));
            assertThat(line).as("first summary on a new stream").isNotNull();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
