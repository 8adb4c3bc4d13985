package dev.matriculas.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.matriculas.dashboard.CategoryLimits;
import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.summary.Summary;
import dev.matriculas.dashboard.summary.SummaryService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.MockedConstruction;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

class SummaryStreamTest {

    private static SummaryStream stream() {
        SummaryService summaries = mock(SummaryService.class);
        when(summaries.summary(any(), any())).thenReturn(new Summary(null, Filter.NONE, new Summary.Rejected(0, Map.of()), null, Map.of()));
        return new SummaryStream(summaries, mock(EnrollmentStore.class), JsonMapper.builder().build(),
                new DashboardProperties(new CategoryLimits(64, 16, 64, 16, 8, 4000), 20, Duration.ofMillis(200), Duration.ofSeconds(15)),
                mock(TaskScheduler.class), Clock.systemUTC(), new SimpleMeterRegistry());
    }

    @Test
    void aStreamTheContainerHasEndedIsForgottenWithoutBeingCompletedAgain() throws Exception {
        SummaryStream stream = stream();
        // As Tomcat and Spring behave once the browser has gone and the container has ended the stream.
        try (MockedConstruction<SseEmitter> emitters = mockConstruction(SseEmitter.class, (emitter, context) -> {
            doThrow(new IllegalStateException("ResponseBodyEmitter has already completed")).when(emitter).send(anySet());
            doThrow(new IllegalStateException("A non-container (application) thread attempted to use the AsyncContext after an error"))
                    .when(emitter).complete();
        })) {
            stream.subscribe(Filter.NONE);

            await().atMost(Duration.ofSeconds(5)).until(() -> stream.clients() == 0);
            verify(emitters.constructed().get(0), never()).complete();
        } finally {
            stream.stop();
        }
    }

    @Test
    void stoppingEndsEveryStreamEvenWhenTheContainerHasEndedOneMeanwhile() {
        SummaryStream stream = stream();
        try (MockedConstruction<SseEmitter> emitters = mockConstruction(SseEmitter.class, (emitter, context) -> {
            if (context.getCount() == 1) {
                doThrow(new IllegalStateException("A non-container (application) thread attempted to use the AsyncContext after an error"))
                        .when(emitter).complete();
            }
        })) {
            stream.subscribe(Filter.NONE);
            stream.subscribe(Filter.NONE);

            stream.stop();

            assertThat(stream.clients()).isZero();
            emitters.constructed().forEach(emitter -> verify(emitter).complete());
        } finally {
            stream.stop();
        }
    }
}
