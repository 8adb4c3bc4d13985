package dev.matriculas.dashboard.ingest;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.status.ConsumerProgress;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.stereotype.Component;

/**
 * DOWN when the figures leave records out and only a restart, which reads the topic again, brings them back: once
 * the listener has stopped on an error (most likely the heap running out), or when the topic has more partitions
 * than the listener was given (Kafka could not say how many as the dashboard started). Unlike Kafka being
 * away, waiting does not help.
 */
@Component("folding")
class FoldingHealthIndicator implements HealthIndicator {

    private final ConsumerProgress progress;
    private final TopicPartitions partitions;
    private volatile boolean stoppedOnError;

    FoldingHealthIndicator(ConsumerProgress progress, TopicPartitions partitions) {
        this.progress = progress;
        this.partitions = partitions;
    }

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
        if (stoppedOnError) {
            return Health.down().withDetail("error", "folding stopped on an error (see the log); restart the dashboard").build();
        }
        if (progress.topicPartitions() > partitions.assigned()) {
            return Health.down().withDetail("error", Enrollment.TOPIC + " has " + progress.topicPartitions()
                    + " partitions and the dashboard reads " + partitions.assigned() + "; restart the dashboard").build();
        }
        return Health.up().build();
    }
}
