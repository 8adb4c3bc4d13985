package dev.matriculas.dashboard;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer interceptor that only looks at what each poll returns, for a test to act at a given point of the
 * dashboard's reading; named in {@code spring.kafka.consumer.properties.interceptor.classes}.
 */
public interface OnConsume extends ConsumerInterceptor<byte[], byte[]> {

    @Override
    default void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    default void close() {
    }

    @Override
    default void configure(Map<String, ?> configs) {
    }
}
