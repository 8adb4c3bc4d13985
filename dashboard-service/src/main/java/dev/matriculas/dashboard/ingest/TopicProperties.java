package dev.matriculas.dashboard.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** @param partitions partitions of the topics when this service creates them ({@code TOPIC_PARTITIONS}) */
@Validated
@ConfigurationProperties("topic")
record TopicProperties(@DefaultValue("3") @Min(1) @Max(1000) int partitions) {
}
