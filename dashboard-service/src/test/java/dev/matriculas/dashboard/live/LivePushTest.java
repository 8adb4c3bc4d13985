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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import dev.matriculas.dashboard.CategoryLimits;
import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.status.PipelineStatus;
import dev.matriculas.dashboard.store.EnrollmentBuilder;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.summary.Summary;
import dev.matriculas.dashboard.summary.SummaryService;
import dev.matriculas.testkafka.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedConstruction;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When changes in the store reach open streams, against the push interval. The pushes are scheduled on a scheduler
 * and clock the test moves, so each is asserted to the instant whatever the machine's speed.
 */
class LivePushTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PipelineStatus LIVE = new PipelineStatus(true, null, false, 0, Map.of(), 100, 0, 0);
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final ManualTaskScheduler scheduler = new ManualTaskScheduler(clock);
    private final EnrollmentStore store = new EnrollmentStore(properties(Duration.ofSeconds(1)), clock);
    /** The store versions each client was sent, one list per client. */
    private final List<List<Long>> sent = new CopyOnWriteArrayList<>();
    private SummaryStream stream;
    private MockedConstruction<SseEmitter> emitters;

    private static DashboardProperties properties(Duration pushInterval) {
        return new DashboardProperties(new CategoryLimits(64, 16, 64, 16, 8, 4000), 20, pushInterval, Duration.ofMinutes(10));
    }

    /** Streams whose summaries carry the store's version (as the rejected total), each emitter's frames recorded. */
    private void start(Duration pushInterval, CountDownLatch firstClientBlockedUntil) {
        SummaryService summaries = mock(SummaryService.class);
        when(summaries.pipeline()).thenReturn(LIVE);
        when(summaries.summary(any(Filter.class), any(PipelineStatus.class))).thenAnswer(call -> new Summary(null,
                Filter.NONE, new Summary.Rejected(store.version(), Map.of()), LIVE, Map.of()));
        emitters = mockConstruction(SseEmitter.class, (emitter, context) -> {
            List<Long> received = new CopyOnWriteArrayList<>();
            sent.add(received);
            boolean blocked = context.getCount() == 1 && firstClientBlockedUntil != null;
            doAnswer(call -> {
                if (blocked) {
                    firstClientBlockedUntil.await();
                }
                received.add(version(call.getArgument(0)));
                return null;
            }).when(emitter).send(anySet());
        });
        stream = new SummaryStream(summaries, store, JSON, properties(pushInterval), scheduler, clock, new SimpleMeterRegistry());
        stream.start();
    }

    private static long version(Set<DataWithMediaType> frame) {
        String text = new String((byte[]) frame.iterator().next().getData(), StandardCharsets.UTF_8);
        JsonNode summary = JSON.readTree(text.substring(text.indexOf("data:") + 5));
        return summary.path("rejected").path("total").asLong();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.stop();
        }
        if (emitters != null) {
            emitters.close();
        }
    }

    @Test
    void aChangeToAQuietStreamIsSentAtOnceNotAtTheNextInterval() {
        start(Duration.ofSeconds(5), null);
        stream.subscribe(Filter.NONE);
        await().until(() -> sent.get(0).size() == 1);

        put(1);

        assertThat(scheduler.pending()).containsExactly(clock.instant());
        scheduler.runDue();
        await().until(() -> sent.get(0).size() == 2);
        assertThat(sent.get(0)).containsExactly(0L, 1L);
    }

    @Test
    void aBurstOfChangesIsSentAtMostOncePerIntervalEndingOnItsLastChange() {
        Duration interval = Duration.ofMillis(500);
        start(interval, null);
        stream.subscribe(Filter.NONE);
        await().until(() -> sent.get(0).size() == 1);

        put(1);
        scheduler.runDue();
        Instant firstPush = clock.instant();
        await().until(() -> sent.get(0).size() == 2);
        for (int i = 2; i <= 200; i++) {
            clock.advance(Duration.ofMillis(1));
            put(i);
        }

        // One push waits for all 199 changes, an interval after the first.
        assertThat(scheduler.pending()).containsExactly(firstPush.plus(interval));
        clock.advance(Duration.between(clock.instant(), firstPush.plus(interval)).minusMillis(1));
        scheduler.runDue();
        assertThat(scheduler.pending()).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        scheduler.runDue();

        await().until(() -> !sent.get(0).isEmpty() && last(sent.get(0)) == 200);
        assertThat(sent.get(0)).containsExactly(0L, 1L, 200L);
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void theLastChangeOfABurstReachesAClientThatWasBusyWritingWhenItCame() {
        CountDownLatch unblock = new CountDownLatch(1);
        start(Duration.ofMillis(100), unblock);
        stream.subscribe(Filter.NONE);
        stream.subscribe(Filter.NONE);
        await().until(() -> sent.get(1).size() == 1);

        for (int i = 1; i <= 50; i++) {
            put(i);
            scheduler.runDue();
            clock.advance(Duration.ofMillis(10));
        }
        clock.advance(Duration.ofMillis(100));
        scheduler.runDue();
        // The other client is not held up by the one stuck in its first write.
        await().until(() -> last(sent.get(1)) == 50);
        assertThat(sent.get(0)).isEmpty();

        unblock.countDown();
        // It skips what it could not take meanwhile: its first summary, then the newest only.
        await().until(() -> sent.get(0).size() == 2);
        assertThat(sent.get(0)).containsExactly(0L, 50L);
    }

    @Test
    void aStreamStoppedAndStartedAgainServesNewClients() {
        start(Duration.ofMillis(100), null);
        stream.subscribe(Filter.NONE);
        await().until(() -> sent.get(0).size() == 1);

        stream.stop();
        stream.start();
        stream.subscribe(Filter.NONE);
        await().until(() -> sent.size() == 2 && sent.get(1).size() == 1);
        put(1);
        scheduler.runDue();

        await().until(() -> sent.size() == 2 && sent.get(1).size() == 2);
        assertThat(sent.get(1)).containsExactly(0L, 1L);
        assertThat(sent.get(0)).containsExactly(0L);
    }

    private void put(int i) {
        EnrollmentBuilder.put(store, enrollment("e-" + i).build(), clock.millis());
    }

    private static long last(List<Long> received) {
        return received.get(received.size() - 1);
    }
}
