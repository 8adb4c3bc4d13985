package dev.matriculas.contract;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The topics enrollments travel on, declared once for both services, the tests and the benchmarks (names in
 * {@link Enrollment}). Docker Compose's {@code kafka-init} creates them the same way, with the same default.
 *
 * @param partitions partitions of each topic when a service creates it ({@code TOPIC_PARTITIONS}); an existing
 *                   topic with fewer is given more, never fewer
 */
@Validated
@ConfigurationProperties("topic")
public record Topics(@DefaultValue("" + Topics.DEFAULT_PARTITIONS) @Min(1) @Max(1000) int partitions) {

    public static final int DEFAULT_PARTITIONS = 3;

    /** As a service creates them when {@code TOPIC_PARTITIONS} is not set. */
    public static final Topics DEFAULTS = new Topics(DEFAULT_PARTITIONS);

    /**
     * Compacted: the topic is a table of enrollments by id, so Kafka keeps the latest of each for ever. The
     * replication factor is the broker's default.
     */
    public NewTopic enrollments() {
        return new NewTopic(Enrollment.TOPIC, Optional.of(partitions), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Where records that break the contract are parked, each kept as long as the broker keeps records. */
    public NewTopic deadLetters() {
        return new NewTopic(Enrollment.DEAD_LETTER_TOPIC, Optional.of(partitions), Optional.empty());
    }
}
