package dev.matriculas.dashboard.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the listener, and keeps trying every few seconds while it cannot: a Kafka client cannot even be
 * created while the broker's host name does not resolve (its container is stopped, say), and the dashboard
 * must still start, serve its page and say that Kafka is away, rather than crash in a loop.
 */
@Component
class ListenerStarter {

    private static final Logger log = LoggerFactory.getLogger(ListenerStarter.class);

    private final KafkaListenerEndpointRegistry registry;
    private final FoldingHealthIndicator folding;
    private volatile boolean closing;
    private boolean warned;

    ListenerStarter(KafkaListenerEndpointRegistry registry, FoldingHealthIndicator folding) {
        this.registry = registry;
        this.folding = folding;
    }

    @Scheduled(fixedDelay = 5000)
    void startWhenPossible() {
        MessageListenerContainer container = registry.getListenerContainer(EnrollmentListener.ID);
        // Started again after an error stopped it (the heap ran out, say), it would most likely fail the same way.
        // Health says DOWN instead (FoldingHealthIndicator).
        if (closing || folding.stoppedOnError() || container == null || container.isRunning()) {
            return;
        }
        try {
            container.start();
            warned = false;
        } catch (RuntimeException e) {
            if (!warned) {
                log.warn("Cannot read from Kafka yet ({}); trying again every 5 s", rootMessage(e));
                warned = true;
            }
        }
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        closing = true;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
