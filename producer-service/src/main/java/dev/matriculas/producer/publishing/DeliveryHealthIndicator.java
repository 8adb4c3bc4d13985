package dev.matriculas.producer.publishing;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Reports Kafka as DEGRADED while it does not acknowledge the records sent: the service itself is fine and
 * keeps every record, so it must not be restarted (DEGRADED maps to HTTP 200, see application.yml).
 */
@Component("kafka")
class DeliveryHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Kafka is not answering; records wait and none is lost");

    private final EnrollmentPublisher publisher;

    DeliveryHealthIndicator(EnrollmentPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Health health() {
        Instant unreachableSince = publisher.unreachableSince();
        Health.Builder health = unreachableSince == null
                ? Health.up()
                : Health.status(DEGRADED).withDetail("unreachableSince", unreachableSince.toString());
        return health.withDetail("pending", publisher.pending()).withDetail("sent", publisher.sent())
                .withDetail("failed", publisher.failed()).build();
    }
}
