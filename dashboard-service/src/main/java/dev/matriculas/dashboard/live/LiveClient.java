package dev.matriculas.dashboard.live;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.matriculas.dashboard.status.PipelineStatus;
import dev.matriculas.dashboard.store.Filter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. Writes happen on a writer thread, one at a time: while one is under way, only the newest
 * frame waits, so a slow client skips summaries it could not take yet but always ends on the latest, and a
 * client that stops reading holds one writer thread (until the container's write timeout ends its stream),
 * never the others' writes.
 */
final class LiveClient {

    final SseEmitter emitter;
    final Filter filter;
    /** Store version and pipeline of the newest summary handed to this client. */
    volatile long version = -1;
    volatile PipelineStatus pipeline;
    private final AtomicReference<Set<DataWithMediaType>> next = new AtomicReference<>();
    private final Executor writers;
    private final Consumer<LiveClient> forget;

    LiveClient(SseEmitter emitter, Filter filter, Executor writers, Consumer<LiveClient> forget) {
        this.emitter = emitter;
        this.filter = filter;
        this.writers = writers;
        this.forget = forget;
    }

    /** Sends a summary frame, which replaces one still waiting. */
    void send(Set<DataWithMediaType> frame, long version, PipelineStatus pipeline) {
        this.version = version;
        this.pipeline = pipeline;
        if (next.getAndSet(frame) == null) {
            startWriting();
        }
    }

    /** A heartbeat, unless a frame is waiting already (which keeps the stream open as well). */
    void ping() {
        if (next.compareAndSet(null, Frames.PING)) {
            startWriting();
        }
    }

    private void startWriting() {
        try {
            writers.execute(this::writeWaiting);
        } catch (RejectedExecutionException e) {
            // The service is stopping; stop() ends the stream.
            next.set(null);
        }
    }

    private void writeWaiting() {
        Set<DataWithMediaType> frame = next.get();
        while (frame != null) {
            try {
                emitter.send(frame);
            } catch (IOException | IllegalStateException e) {
                // The browser has gone and the container ends (or has ended) the stream. Completing it again is
                // not allowed then; from a writer thread, Tomcat throws.
                next.set(null);
                forget.accept(this);
                return;
            }
            frame = next.compareAndSet(frame, null) ? null : next.get();
        }
    }

    /** Ends the stream from the service's side. */
    void end() {
        forget.accept(this);
        try {
            emitter.complete();
        } catch (IllegalStateException e) {
            // The container ended it meanwhile (its browser left), and will not have it ended twice.
        }
    }
}
