package dev.matriculas.dashboard.ingest;

import static dev.matriculas.dashboard.TestKafka.utf8;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.status.ConsumerProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The starter starts a stopped listener again, unless folding has failed and nothing would fold what it reads. */
class ListenerStarterTest {

    private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final EnrollmentStore store = new EnrollmentStore(
            new DashboardProperties(CategoryLimits.defaults(), 20, Duration.ofMillis(200), Duration.ofSeconds(15), 3),
            Clock.systemUTC());
    private EnrollmentFolder folder;

    @AfterEach
    void close() {
        folder.close();
    }

    private ListenerStarter starterOfAStoppedListener() {
        when(registry.getListenerContainer(EnrollmentListener.ID)).thenReturn(container);
        when(container.isRunning()).thenReturn(false);
        return new ListenerStarter(registry, folder);
    }

    @Test
    void startsAStoppedListenerAgain() {
        folder = new EnrollmentFolder(store, (record, error) -> { }, new ConsumerProgress());

        starterOfAStoppedListener().startWhenPossible();

        verify(container).start();
    }

    @Test
    void leavesTheListenerStoppedOnceFoldingHasFailed() {
        folder = new EnrollmentFolder(store, (record, error) -> {
            throw new OutOfMemoryError("simulated");
        }, new ConsumerProgress());
        folder.fold(List.of(new ConsumerRecord<>(Enrollment.TOPIC, 0, 0, utf8("bad"), utf8("[]"))));
        await().atMost(Duration.ofSeconds(30)).until(folder::failed);

        starterOfAStoppedListener().startWhenPossible();

        verify(container, never()).start();
    }
}
