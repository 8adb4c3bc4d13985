package dev.matriculas.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.matriculas.dashboard.status.ConsumerProgress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The starter starts a stopped listener again, unless an error stopped it and health says so. */
class ListenerStarterTest {

    private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final FoldingHealthIndicator folding = new FoldingHealthIndicator(new ConsumerProgress(), mock(TopicPartitions.class));

    private ListenerStarter starterOfAStoppedListener() {
        when(registry.getListenerContainer(EnrollmentListener.ID)).thenReturn(container);
        when(container.isRunning()).thenReturn(false);
        return new ListenerStarter(registry, folding);
    }

    private void stopped(ConsumerStoppedEvent.Reason reason) {
        folding.onStopped(new ConsumerStoppedEvent(this, container, reason));
    }

    @Test
    void startsAStoppedListenerAgain() {
        stopped(ConsumerStoppedEvent.Reason.NORMAL);

        starterOfAStoppedListener().startWhenPossible();

        verify(container).start();
        assertThat(folding.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void leavesTheListenerStoppedOnceAnErrorStoppedIt() {
        stopped(ConsumerStoppedEvent.Reason.ERROR);

        starterOfAStoppedListener().startWhenPossible();

        verify(container, never()).start();
        assertThat(folding.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
