package dev.matriculas.dashboard.status;

import java.time.Instant;
import java.util.Map;

/**
 * The state of the path from Kafka to this dashboard.
 *
 * @param connected          Kafka answered within the last check
 * @param disconnectedSince  null while connected
 * @param catchingUp         still reading records that were on the topic before it started
 * @param lag                records between the dashboard's position and the end of the topic
 * @param lagByPartition     the same, per partition
 * @param percentDone        share of the backlog read so far, 100 once caught up
 * @param recordsPerSecond   records read per second, over the last few seconds
 */
public record PipelineStatus(
        boolean connected,
        Instant disconnectedSince,
        boolean catchingUp,
        long lag,
        Map<Integer, Long> lagByPartition,
        double percentDone,
        double recordsPerSecond,
        long consumed) {
}
