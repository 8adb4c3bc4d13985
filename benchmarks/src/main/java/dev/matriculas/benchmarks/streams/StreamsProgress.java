package dev.matriculas.benchmarks.streams;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.matriculas.contract.Enrollment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a Kafka Streams application has got, as an operator reads it: its consumer group's committed offsets
 * against the ends of the topics it reads. A record is in the counts once its re-keyed copies in the repartition
 * topics are counted too, so while any of those still has records to read, the last record of the topic is not
 * taken as done.
 */
final class StreamsProgress implements StreamsBenchmark.Progress, AutoCloseable {

    private final Admin admin;
    private final String applicationId;

    StreamsProgress(String bootstrapServers, String applicationId) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.applicationId = applicationId;
    }

    @Override
    public long recordsDone() throws Exception {
        Set<String> repartitionTopics = admin.listTopics().names().get().stream()
                .filter(topic -> topic.startsWith(applicationId + "-") && topic.endsWith("-repartition"))
                .collect(Collectors.toSet());
        if (repartitionTopics.isEmpty()) {
            return 0;
        }
        // Committed offsets first: ends read afterwards are as far as, or further than, those commits saw.
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(repartitionTopics).allTopicNames().get().values().stream()
                .flatMap(StreamsProgress::partitions).collect(Collectors.toList());
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()))).all().get();
        boolean repartitionLeft = partitions.stream().anyMatch(partition -> offset(committed, partition) < ends.get(partition).offset());
        long topicDone = committed.entrySet().stream().filter(entry -> entry.getKey().topic().equals(Enrollment.TOPIC))
                .mapToLong(entry -> entry.getValue().offset()).sum();
        return repartitionLeft ? Math.max(0, topicDone - 1) : topicDone;
    }

    private static java.util.stream.Stream<TopicPartition> partitions(TopicDescription topic) {
        return topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition()));
    }

    /** A partition that never had a record (all of the total's go to one) has no committed offset. */
    private static long offset(Map<TopicPartition, OffsetAndMetadata> committed, TopicPartition partition) {
        OffsetAndMetadata offset = committed.get(partition);
        return offset == null ? 0 : offset.offset();
    }

    @Override
    public void close() {
        admin.close();
    }
}
