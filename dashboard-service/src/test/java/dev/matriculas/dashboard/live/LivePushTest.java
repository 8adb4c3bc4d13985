package dev.matriculas.dashboard.live;

import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import dev.matriculas.dashboard.CategoryLimits;
import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.status.PipelineStatus;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.summary.Summary;
import dev.matriculas.dashboard.summary.SummaryService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedConstruction;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** When changes in the store reach open streams, against the push interval. */
class LivePushTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BUILT_AT = "built-at-nanos";
    private static final PipelineStatus LIVE = new PipelineStatus(true, null, false, 0, Map.of(), 100, 0, 0);

    private final List<List<Sent>> sent = new CopyOnWriteArrayList<>();
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final EnrollmentStore store = new EnrollmentStore(properties(Duration.ofSeconds(1)), Clock.systemUTC());
    private SummaryStream stream;
    private MockedConstruction<SseEmitter> emitters;

    /** A summary as a client received it: when, when its push built it, and the store version it shows. */
    record Sent(long atNanos, long builtAtNanos, long version) {
    }

    private static DashboardProperties properties(Duration pushInterval) {
        return new DashboardProperties(new CategoryLimits(64, 16, 64, 16, 8, 4000), 20, pushInterval, Duration.ofMinutes(10));
    }

    /**
     * Streams whose summaries carry the store's version (as the rejected total) and the time they were built (as a
     * rejected reason's count), each emitter's frames recorded.
     */
    private void start(Duration pushInterval, CountDownLatch firstClientBlockedUntil) {
        SummaryService summaries = mock(SummaryService.class);
        when(summaries.pipeline()).thenReturn(LIVE);
        when(summaries.summary(any(Filter.class), any(PipelineStatus.class))).thenAnswer(call -> new Summary(null,
                Filter.NONE, new Summary.Rejected(store.version(), Map.of(BUILT_AT, System.nanoTime())), LIVE, Map.of()));
        emitters = mockConstruction(SseEmitter.class, (emitter, context) -> {
            List<Sent> received = new CopyOnWriteArrayList<>();
            sent.add(received);
            boolean blocked = context.getCount() == 1 && firstClientBlockedUntil != null;
            doAnswer(call -> {
                if (blocked) {
                    firstClientBlockedUntil.await();
                }
                received.add(sent(call.getArgument(0)));
                return null;
            }).when(emitter).send(anySet());
        });
        scheduler.setPoolSize(2);
        scheduler.initialize();
        stream = new SummaryStream(summaries, store, JSON, properties(pushInterval), scheduler, new SimpleMeterRegistry());
        stream.start();
    }

    private static Sent sent(Set<DataWithMediaType> frame) {
        long now = System.nanoTime();
        String text = new String((byte[]) frame.iterator().next().getData(), StandardCharsets.UTF_8);
        JsonNode rejected = JSON.readTree(text.substring(text.indexOf("data:") + 5)).path("rejected");
        return new Sent(now, rejected.path("byReason").path(BUILT_AT).asLong(), rejected.path("total").asLong());
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.stop();
        }
        if (emitters != null) {
            emitters.close();
        }
        scheduler.shutdown();
    }

    @Test
    void aChangeToAQuietStreamIsSentAtOnceNotAtTheNextInterval() {
        start(Duration.ofSeconds(5), null);
        stream.subscribe(Filter.NONE);
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.get(0).size() == 1);

        long changedAt = System.nanoTime();
        store.put(enrollment("e-1").build(), System.currentTimeMillis());

        // Well under the 5 s interval: the change did not wait for a beat.
        await().atMost(Duration.ofMillis(2500)).until(() -> sent.get(0).size() == 2);
        assertThat(sent.get(0).get(1).version()).isEqualTo(1);
        assertThat(sent.get(0).get(1).atNanos() - changedAt).isLessThan(Duration.ofMillis(2500).toNanos());
    }

    @Test
    void aBurstOfChangesIsSentAtMostOncePerIntervalEndingOnItsLastChange() {
        Duration interval = Duration.ofMillis(500);
        start(interval, null);
        stream.subscribe(Filter.NONE);
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.get(0).size() == 1);

        for (int i = 1; i <= 200; i++) {
            store.put(enrollment("e-" + i).build(), System.currentTimeMillis());
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> last(sent.get(0)).version() == 200);
        List<Sent> updates = sent.get(0).subList(1, sent.get(0).size());
        assertThat(updates.size()).isLessThan(200);
        // Timed when each push built its summary, as the writes after it take their own, varying, time; less a
        // little for a busy machine holding a push's thread between its start and its summary.
        long held = Duration.ofMillis(10).toNanos();
        for (int i = 1; i < updates.size(); i++) {
            assertThat(updates.get(i).builtAtNanos() - updates.get(i - 1).builtAtNanos())
                    .as("time between updates %d and %d", i - 1, i).isGreaterThanOrEqualTo(interval.toNanos() - held);
        }
    }

    @Test
    void theLastChangeOfABurstReachesAClientThatWasBusyWritingWhenItCame() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        start(Duration.ofMillis(100), unblock);
        stream.subscribe(Filter.NONE);
        stream.subscribe(Filter.NONE);
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.get(1).size() == 1);

        for (int i = 1; i <= 50; i++) {
            store.put(enrollment("e-" + i).build(), System.currentTimeMillis());
        }
        // The other client is not held up by the one stuck in its first write.
        await().atMost(Duration.ofSeconds(10)).until(() -> last(sent.get(1)).version() == 50);
        assertThat(sent.get(0)).isEmpty();

        unblock.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !sent.get(0).isEmpty() && last(sent.get(0)).version() == 50);
        // It skips what it could not take meanwhile: its first summary, then the newest only.
        assertThat(sent.get(0)).hasSize(2);
    }

    private static Sent last(List<Sent> received) {
        return received.get(received.size() - 1);
    }
}
