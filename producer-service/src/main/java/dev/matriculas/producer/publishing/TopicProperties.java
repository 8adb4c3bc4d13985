package dev.matriculas.producer.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The topic's settings when this service creates it ({@code TOPIC_PARTITIONS}, shared with the dashboard).
 *
 * @param partitions partitions of the topic; an existing topic with fewer is given more, never fewer
 */
@Validated
@ConfigurationProperties("topic")
public record TopicProperties(@DefaultValue("3") @Min(1) @Max(1000) int partitions) {
}
