package dev.matriculas.dashboard.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.status.PipelineStatus;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.store.Summary;
import dev.matriculas.dashboard.store.SummaryService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live summaries over Server-Sent Events. A client gets one at once, then at most one per push interval
 * and only after a change, so a burst of records is coalesced into a few events; each summary is built and
 * serialised once per distinct filter, whatever the number of clients. Quiet streams get a heartbeat.
 * Writes happen off the scheduler, one at a time per client: a client that stops reading blocks only its own
 * write (until the container's write timeout drops it) and misses updates meanwhile, never the others'.
 */
@Component
public class SummaryStream implements SmartLifecycle {

    static final String EVENT = "summary";
    private static final Logger log = LoggerFactory.getLogger(SummaryStream.class);
    private static final int MAX_WRITERS = 256;

    private final SummaryService summaries;
    private final EnrollmentStore store;
    private final JsonMapper json;
    private final DashboardProperties properties;
    private final TaskScheduler scheduler;
    private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    /** Threads made as needed, so clients stuck in a write (each holds one at most) do not hold up the rest. */
    private final ThreadPoolExecutor writers = new ThreadPoolExecutor(0, MAX_WRITERS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), writerThreads());

    SummaryStream(SummaryService summaries, EnrollmentStore store, JsonMapper json, DashboardProperties properties,
            TaskScheduler scheduler, MeterRegistry registry) {
        this.summaries = summaries;
        this.store = store;
        this.json = json;
        this.properties = properties;
        this.scheduler = scheduler;
        Gauge.builder("dashboard.stream.clients", clients, List::size)
                .description("Open live streams").register(registry);
    }

    public SseEmitter subscribe(Filter filter) {
        SseEmitter emitter = new SseEmitter(0L);
        Client client = new Client(emitter, filter);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(error -> clients.remove(client));
        clients.add(client);
        Summary summary = summaries.summary(filter);
        client.send(serialise(summary), store.version(), summary.pipeline());
        return emitter;
    }

    public int clients() {
        return clients.size();
    }

    @Override
    public void start() {
        // On the beat: the time a push takes does not add to the wait of the next change.
        schedules.add(scheduler.scheduleAtFixedRate(this::push, properties.pushInterval()));
        schedules.add(scheduler.scheduleAtFixedRate(this::heartbeat, properties.heartbeat()));
    }

    /**
     * Ends every stream as the service begins to stop, before the web server's graceful shutdown: an open stream
     * would otherwise hold it for its whole timeout. Browsers reconnect by themselves once the service is back.
     */
    @Override
    public void stop() {
        schedules.forEach(schedule -> schedule.cancel(false));
        schedules.clear();
        for (Client client : clients) {
            client.end();
        }
        writers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return !schedules.isEmpty();
    }

    private static CustomizableThreadFactory writerThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("summary-stream-");
        threads.setDaemon(true);
        return threads;
    }

    private void push() {
        // An exception escaping a scheduled task cancels it for good: every page would stop updating.
        try {
            pushChanges();
        } catch (RuntimeException e) {
            log.error("Could not push live summaries; trying again at the next push", e);
        }
    }

    private void pushChanges() {
        long version = store.version();
        PipelineStatus pipeline = summaries.pipeline();
        Map<Filter, List<Client>> stale = new HashMap<>();
        for (Client client : clients) {
            if (client.version != version || !pipeline.equals(client.pipeline)) {
                stale.computeIfAbsent(client.filter, filter -> new ArrayList<>()).add(client);
            }
        }
        stale.forEach((filter, group) -> {
            String summary = serialise(summaries.summary(filter, pipeline));
            group.forEach(client -> client.write(() -> client.send(summary, version, pipeline)));
        });
    }

    private void heartbeat() {
        for (Client client : clients) {
            client.write(client::ping);
        }
    }

    private String serialise(Summary summary) {
        return json.writeValueAsString(summary);
    }

    private final class Client {
        final SseEmitter emitter;
        final Filter filter;
        volatile long version = -1;
        volatile PipelineStatus pipeline;
        private final AtomicBoolean writing = new AtomicBoolean();

        Client(SseEmitter emitter, Filter filter) {
            this.emitter = emitter;
            this.filter = filter;
        }

        /**
         * Skipped while the previous write to this client is under way, or when every writer is busy: the
         * client gets a fresh summary at a later push.
         */
        void write(Runnable send) {
            if (writing.compareAndSet(false, true)) {
                try {
                    writers.execute(() -> {
                        try {
                            send.run();
                        } finally {
                            writing.set(false);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    writing.set(false);
                }
            }
        }

        void send(String summary, long version, PipelineStatus pipeline) {
            try {
                emitter.send(SseEmitter.event().name(EVENT).data(summary));
                this.version = version;
                this.pipeline = pipeline;
            } catch (IOException | IllegalStateException e) {
                drop();
            }
        }

        void ping() {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                drop();
            }
        }

        /** Ends the stream from the service's side. */
        void end() {
            clients.remove(this);
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                // The container ended it meanwhile (its browser left), and will not have it ended twice.
            }
        }

        /**
         * Forgets a stream a write failed on. It is over already: the browser has gone and the container ends
         * (or has ended) it. Completing it again is not allowed then; from a writer thread, Tomcat throws.
         */
        private void drop() {
            clients.remove(this);
        }
    }
}
