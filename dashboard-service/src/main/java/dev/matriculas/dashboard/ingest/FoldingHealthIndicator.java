package dev.matriculas.dashboard.ingest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.stereotype.Component;

/**
 * DOWN once the listener has stopped on an error (most likely the heap running out): the figures no longer move,
 * and only a restart, which reads the topic again, brings them back. Unlike Kafka being away, waiting does not help.
 */
@Component("folding")
class FoldingHealthIndicator implements HealthIndicator {

    private volatile boolean stoppedOnError;

    @EventListener
    void onStopped(ConsumerStoppedEvent event) {
        if (event.getReason() == ConsumerStoppedEvent.Reason.ERROR) {
            stoppedOnError = true;
        }
    }

    /** Whether folding has stopped on an error: the figures stay as they are until the dashboard restarts. */
    boolean stoppedOnError() {
        return stoppedOnError;
    }

    @Override
    public Health health() {
        return stoppedOnError
                ? Health.down().withDetail("error", "folding stopped on an error (see the log); restart the dashboard").build()
                : Health.up().build();
    }
}
