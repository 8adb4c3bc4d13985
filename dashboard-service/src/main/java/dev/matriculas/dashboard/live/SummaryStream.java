package dev.matriculas.dashboard.live;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.status.PipelineStatus;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.summary.SummaryService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live summaries over Server-Sent Events. A client gets one at once, then one as soon as something changes
 * after a quiet push interval; while changes keep coming, at most one per push interval, the last of them
 * always sent. Each summary is built and serialised once per distinct filter, whatever the number of clients,
 * and written off the scheduler ({@link LiveClient}). Quiet streams get a heartbeat.
 */
@Component
public class SummaryStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SummaryStream.class);
    /** Clients that may be stuck in a write at once before the others' writes wait behind them. */
    private static final int WRITERS = 64;

    private final SummaryService summaries;
    private final EnrollmentStore store;
    private final JsonMapper json;
    private final DashboardProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();
    private final List<LiveClient> clients = new CopyOnWriteArrayList<>();
    /** Made again when the stream starts after a stop, which ends it. */
    private volatile ThreadPoolExecutor writers = writers();
    /** One push waits at a time; changes meanwhile are in it. */
    private final AtomicBoolean pushDue = new AtomicBoolean();
    private volatile Instant lastPush = Instant.EPOCH;
    private volatile PipelineStatus lastPipeline;

    SummaryStream(SummaryService summaries, EnrollmentStore store, JsonMapper json, DashboardProperties properties,
            TaskScheduler scheduler, Clock clock, MeterRegistry registry) {
        this.summaries = summaries;
        this.store = store;
        this.json = json;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
        Gauge.builder("dashboard.stream.clients", clients, List::size)
                .description("Open live streams").register(registry);
    }

    public SseEmitter subscribe(Filter filter) {
        SseEmitter emitter = new SseEmitter(0L);
        LiveClient client = new LiveClient(emitter, filter, writers, clients::remove);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(error -> clients.remove(client));
        // As a push: a push after this one sees the client and anything newer than its first summary.
        synchronized (this) {
            long version = store.version();
            PipelineStatus pipeline = summaries.pipeline();
            Set<DataWithMediaType> first = Frames.summary(json, summaries.summary(filter, pipeline));
            clients.add(client);
            client.send(first, version, pipeline);
        }
        return emitter;
    }

    public int clients() {
        return clients.size();
    }

    /**
     * Pushes at once when the last push is a push interval old, else when it will be. Called on every change
     * (a batch of records folded), so it returns at once while a push is due already.
     */
    void changed() {
        if (!pushDue.get() && pushDue.compareAndSet(false, true)) {
            Instant now = clock.instant();
            Instant due = lastPush.plus(properties.pushInterval());
            try {
                scheduler.schedule(this::push, due.isAfter(now) ? due : now);
            } catch (TaskRejectedException e) {
                // The scheduler is stopping with the service.
            }
        }
    }

    @Override
    public void start() {
        if (writers.isShutdown()) {
            writers = writers();
        }
        store.onChange(this::changed);
        // The pipeline's figures (connection, lag, rate) change without a change to the store.
        schedules.add(scheduler.scheduleAtFixedRate(this::pipelineChanges, properties.pushInterval()));
        schedules.add(scheduler.scheduleAtFixedRate(this::heartbeat, properties.heartbeat()));
    }

    /**
     * Ends every stream as the service begins to stop, before the web server's graceful shutdown: an open stream
     * would otherwise hold it for its whole timeout. Browsers reconnect by themselves once the service is back.
     */
    @Override
    public void stop() {
        store.onChange(() -> { });
        schedules.forEach(schedule -> schedule.cancel(false));
        schedules.clear();
        for (LiveClient client : clients) {
            client.end();
        }
        writers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return !schedules.isEmpty();
    }

    /** Up to {@value #WRITERS} threads, each ended after 30 s without a write. */
    private static ThreadPoolExecutor writers() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("summary-stream-");
        threads.setDaemon(true);
        ThreadPoolExecutor writers = new ThreadPoolExecutor(WRITERS, WRITERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        writers.allowCoreThreadTimeOut(true);
        return writers;
    }

    /**
     * The pipeline's figures alone (its rate, Kafka away) are sent on this beat, unless a push is due anyway and
     * will carry them. They do not count as an update: the next change in the store is not held back by them.
     */
    private void pipelineChanges() {
        if (!pushDue.get() && !summaries.pipeline().equals(lastPipeline)) {
            pushChanges();
        }
    }

    private void push() {
        Instant previous = lastPush;
        lastPush = clock.instant();
        // Changes from here on are either in this push or due in the next.
        pushDue.set(false);
        if (!pushChanges()) {
            // Nothing went out, so the streams are still quiet: the next change need not wait.
            lastPush = previous;
        }
    }

    /**
     * Returns whether any client was sent a summary. One push at a time, so a client's newest frame is always
     * from the latest push.
     */
    private synchronized boolean pushChanges() {
        // An exception escaping would leave the pages without this push; the next change brings another.
        try {
            return pushStale();
        } catch (RuntimeException e) {
            log.error("Could not push live summaries; trying again at the next change", e);
            return false;
        }
    }

    private boolean pushStale() {
        long version = store.version();
        PipelineStatus pipeline = summaries.pipeline();
        lastPipeline = pipeline;
        Map<Filter, List<LiveClient>> stale = new HashMap<>();
        for (LiveClient client : clients) {
            if (client.version != version || !pipeline.equals(client.pipeline)) {
                stale.computeIfAbsent(client.filter, filter -> new ArrayList<>()).add(client);
            }
        }
        stale.forEach((filter, group) -> {
            Set<DataWithMediaType> frame = Frames.summary(json, summaries.summary(filter, pipeline));
            group.forEach(client -> client.send(frame, version, pipeline));
        });
        return !stale.isEmpty();
    }

    private void heartbeat() {
        clients.forEach(LiveClient::ping);
    }
}
