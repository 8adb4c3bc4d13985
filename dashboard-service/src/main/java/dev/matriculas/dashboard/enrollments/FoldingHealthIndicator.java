package dev.matriculas.dashboard.enrollments;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN once folding has stopped on an error ({@link EnrollmentFolder}): the figures no longer move, and only a
 * restart, which reads the topic again, brings them back. Unlike Kafka being away, waiting does not help.
 */
@Component("folding")
class FoldingHealthIndicator implements HealthIndicator {

    private final EnrollmentFolder folder;

    FoldingHealthIndicator(EnrollmentFolder folder) {
        this.folder = folder;
    }

    @Override
    public Health health() {
        return folder.failed()
                ? Health.down().withDetail("error", "folding stopped on an error (see the log); restart the dashboard").build()
                : Health.up().build();
    }
}
