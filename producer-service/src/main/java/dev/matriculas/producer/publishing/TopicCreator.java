package dev.matriculas.producer.publishing;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the topic if it is missing; an existing one is made compacted and given more partitions if it has
 * fewer (never fewer), as application.yml asks.
 * Tried in the background until it succeeds, so that the service starts at once when Kafka is away and the
 * topic still appears when Kafka comes: records wait for it meanwhile, none is lost. A broker that creates
 * topics on first use may make it first, with its own defaults; the next try puts those right.
 */
@Component
class TopicCreator {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private final KafkaAdmin admin;
    private final NewTopic topic;
    private volatile boolean ready;

    TopicCreator(KafkaAdmin admin, NewTopic topic) {
        this.admin = admin;
        this.topic = topic;
    }

    @Scheduled(fixedDelay = 2, timeUnit = TimeUnit.SECONDS)
    void createIfMissing() {
        if (ready) {
            return;
        }
        try {
            admin.createOrModifyTopics(topic);
            ready = true;
            log.info("Topic {} is ready", topic.name());
        } catch (RuntimeException e) {
            log.debug("Could not check topic {} yet, trying again in 2 s: {}", topic.name(), e.getMessage());
        }
    }
}
