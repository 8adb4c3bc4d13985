package dev.matriculas.dashboard.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.matriculas.dashboard.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browsers leave without a word (a tab closed, a laptop shut): the container may end such a stream while a
 * heartbeat is being written to it. Each abandoned stream is forgotten, and no writer thread fails on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dashboard.heartbeat=100ms")
class AbandonedStreamsTest {

    private static final int STREAMS = 40;
    static final TestKafka kafka = new TestKafka();
    static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    SummaryStream stream;

    private final List<Throwable> writerFailures = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;

    @BeforeEach
    void watchWriterThreads() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> writerFailures.add(error));
    }

    @AfterEach
    void restoreHandler() {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    @Test
    void abandonedStreamsAreForgottenWithoutAWriterFailing() throws Exception {
        for (int i = 0; i < STREAMS; i++) {
            HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/stream")).build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            // Left unread and closed: the connection goes, as when a tab is closed.
            response.body().close();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> stream.clients() == 0);
        // Five more heartbeats, for a write that was under way as its stream ended.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(writerFailures::isEmpty);
    }
}
