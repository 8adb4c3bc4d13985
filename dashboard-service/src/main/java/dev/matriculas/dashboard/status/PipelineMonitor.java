package dev.matriculas.dashboard.status;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Puts connection and progress together, and measures the read rate once a second. */
@Component
public class PipelineMonitor {

    /** Behind by at most this many records counts as live, not catching up. */
    private static final long LIVE_LAG = 100;

    private final KafkaConnection connection;
    private final ConsumerProgress progress;
    /** Seconds with no record at all after which the rate is 0: a stop, not jitter in a slow stream. */
    private static final int QUIET_TICKS_FOR_STOP = 2;

    private volatile double recordsPerSecond;
    private long lastConsumed;
    private int quietTicks;
    private long lastTick = System.nanoTime();

    PipelineMonitor(KafkaConnection connection, ConsumerProgress progress) {
        this.connection = connection;
        this.progress = progress;
    }

    @Scheduled(fixedRate = 1000)
    synchronized void tick() {
        long now = System.nanoTime();
        long consumed = progress.consumed();
        double rate = (consumed - lastConsumed) * 1e9 / Math.max(1, now - lastTick);
        quietTicks = consumed == lastConsumed ? quietTicks + 1 : 0;
        // Smoothed over a few seconds so the figure does not flicker. After a stop it drops to 0 at once rather
        // than halving towards it, each halving a change pushed to every page.
        recordsPerSecond = quietTicks >= QUIET_TICKS_FOR_STOP ? 0
                : recordsPerSecond == 0 ? rate : 0.5 * recordsPerSecond + 0.5 * rate;
        lastConsumed = consumed;
        lastTick = now;
    }

    public PipelineStatus status() {
        boolean lagKnown = progress.lagKnown();
        long lag = progress.lag();
        long consumed = progress.consumed();
        boolean catchingUp = !lagKnown || lag > LIVE_LAG;
        long backlog = progress.backlogAtStart();
        double percentDone = !catchingUp ? 100.0
                : backlog <= 0 ? 0.0 : Math.min(100.0, Math.floor(consumed * 1000.0 / Math.max(backlog, consumed + lag)) / 10.0);
        return new PipelineStatus(connection.connected(), connection.disconnectedSince(), catchingUp, lag,
                progress.lagByPartition(), percentDone, Math.round(recordsPerSecond * 10) / 10.0, consumed);
    }
}
