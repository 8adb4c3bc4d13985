package dev.matriculas.dashboard.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks Kafka every two seconds whether it is there, so the page can say "disconnected since ..." while the
 * consumer quietly waits to resume where it stopped. Logs once per outage.
 */
@Component
public class KafkaConnection implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaConnection.class);
    private static final int CHECK_TIMEOUT_MILLIS = 1500;

    private final KafkaAdmin kafkaAdmin;
    private final Clock clock;
    /** Made on the scheduler's thread, closed on the one that stops the service. */
    private volatile Admin admin;
    private volatile boolean connected;
    private volatile boolean checked;
    private volatile Instant disconnectedSince;

    KafkaConnection(KafkaAdmin kafkaAdmin, Clock clock) {
        this.kafkaAdmin = kafkaAdmin;
        this.clock = clock;
        this.disconnectedSince = clock.instant();
    }

    @Scheduled(fixedDelay = 2000)
    void check() {
        boolean reachable;
        try {
            // Made on first use, not at start-up: creating it fails while Kafka's host name does not resolve
            // (a stopped container), and the dashboard must start and serve its page all the same.
            Admin made = admin;
            if (made == null) {
                made = Admin.create(kafkaAdmin.getConfigurationProperties());
                admin = made;
            }
            // The call gives up when the wait does: unanswered checks do not pile up while Kafka is away.
            made.describeCluster(new DescribeClusterOptions().timeoutMs(CHECK_TIMEOUT_MILLIS)).nodes()
                    .get(CHECK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            reachable = true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            reachable = false;
        }
        if (reachable && !connected) {
            log.info("Connected to Kafka");
            disconnectedSince = null;
        } else if (!reachable && (connected || !checked)) {
            log.warn("Kafka is unreachable; the dashboard keeps showing the last figures and resumes when it returns");
            disconnectedSince = connected ? clock.instant() : disconnectedSince;
        }
        connected = reachable;
        checked = true;
    }

    public boolean connected() {
        return connected;
    }

    /** Null while connected. */
    public Instant disconnectedSince() {
        return connected ? null : disconnectedSince;
    }

    @Override
    public void destroy() {
        Admin made = admin;
        if (made != null) {
            // Without waiting for a check under way: while Kafka is away, that wait would hold up the stop.
            made.close(Duration.ZERO);
        }
    }
}
