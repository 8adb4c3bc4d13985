package dev.matriculas.dashboard.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.matriculas.testkafka.ManualClock;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * A {@link TaskScheduler} on a {@link ManualClock}: a task runs when the test calls {@link #runDue()} with the clock
 * at or past the task's time, on the test's thread, so what runs when is the same on every machine.
 */
final class ManualTaskScheduler implements TaskScheduler {

    private final ManualClock clock;
    private final List<Task> tasks = new ArrayList<>();

    ManualTaskScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /** When each one-off task waiting is due. */
    synchronized List<Instant> pending() {
        return tasks.stream().filter(task -> task.period == null).map(task -> task.at).sorted().toList();
    }

    /** Runs every task due by the clock, earliest first, periodic ones again as long as they are due. */
    void runDue() {
        Task next;
        while ((next = nextDue()) != null) {
            next.task.run();
        }
    }

    private synchronized Task nextDue() {
        Task due = tasks.stream().filter(task -> !task.at.isAfter(clock.instant()))
                .min(Comparator.comparing(task -> task.at)).orElse(null);
        if (due != null) {
            tasks.remove(due);
            if (due.period != null) {
                tasks.add(new Task(due.task, due.at.plus(due.period), due.period));
            }
        }
        return due;
    }

    private synchronized ScheduledFuture<?> add(Runnable task, Instant at, Duration period) {
        Task added = new Task(task, at, period);
        tasks.add(added);
        return added;
    }

    @Override
    public Clock getClock() {
        return clock;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
        return add(task, startTime, null);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
        return add(task, startTime, period);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
        return add(task, clock.instant().plus(period), period);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
        throw new UnsupportedOperationException("not used by the live stream");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
        throw new UnsupportedOperationException("not used by the live stream");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
        throw new UnsupportedOperationException("not used by the live stream");
    }

    /** A task and when it is next due; cancelling it takes it off the list. A periodic task is re-added as it runs. */
    private final class Task implements ScheduledFuture<Object> {
        final Runnable task;
        final Instant at;
        final Duration period;

        Task(Runnable task, Instant at, Duration period) {
            this.task = task;
            this.at = at;
            this.period = period;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (ManualTaskScheduler.this) {
                return tasks.removeIf(each -> each.task == task);
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), at));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
