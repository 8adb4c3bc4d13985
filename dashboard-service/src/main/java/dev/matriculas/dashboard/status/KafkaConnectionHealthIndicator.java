package dev.matriculas.dashboard.status;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Reports Kafka as DEGRADED while it is away: the dashboard still serves its last figures and will catch
 * up by itself, so it must not be restarted (DEGRADED maps to HTTP 200, see application.yml).
 */
@Component("kafka")
class KafkaConnectionHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Kafka is unreachable; serving the last figures");

    private final PipelineMonitor pipeline;

    KafkaConnectionHealthIndicator(PipelineMonitor pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Health health() {
        PipelineStatus status = pipeline.status();
        Health.Builder health = status.connected() ? Health.up()
                : Health.status(DEGRADED).withDetail("disconnectedSince", String.valueOf(status.disconnectedSince()));
        return health.withDetail("lag", status.lag()).withDetail("catchingUp", status.catchingUp())
                .withDetail("recordsPerSecond", status.recordsPerSecond()).build();
    }
}
