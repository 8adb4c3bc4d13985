package dev.matriculas.benchmarks.streams;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The Kafka Streams application of {@link FiguresTopology}, run as its own JVM, with its figures served as JSON on
 * {@code GET /figures} from its state stores (interactive queries), in the dashboard's field names.
 *
 * <p>Arguments: bootstrap servers, HTTP port, state directory.
 */
public final class StreamsFiguresApp {

    static final String APPLICATION_ID = "enrollment-figures";

    private StreamsFiguresApp() {
    }

    public static void main(String[] args) throws IOException {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(args[2]).toAbsolutePath().toString());
        // A record that is not an enrollment is logged and skipped; the next one is read.
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        // The topic is compacted: the table's store is rebuilt from it instead of from a changelog of its own.
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        // Counts reach their stores when the cache is flushed at a commit: as often as under exactly-once, so a
        // change shows within a tenth of a second rather than within the at-least-once default of 30 s.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        StreamsBuilder builder = new StreamsBuilder();
        FiguresTopology.build(builder);
        KafkaStreams streams = new KafkaStreams(builder.build(config), config);
        Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
        streams.start();

        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", Integer.parseInt(args[1])), 0);
        server.createContext("/figures", exchange -> answer(exchange, streams));
        server.start();
    }

    private static void answer(HttpExchange exchange, KafkaStreams streams) throws IOException {
        int status = 200;
        byte[] body;
        try {
            body = FiguresTopology.JSON.writeValueAsBytes(figures(streams));
        } catch (InvalidStateStoreException e) {
            // Starting or rebalancing: the stores are not queryable yet.
            status = 503;
            body = e.getMessage().getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, Object> figures(KafkaStreams streams) {
        Map<String, Object> figures = new LinkedHashMap<>();
        Long total = store(streams, FiguresTopology.TOTAL, String.class).get(FiguresTopology.ALL);
        figures.put("totalEnrollments", total == null ? 0 : total);
        for (String name : new String[] {FiguresTopology.BY_COURSE, FiguresTopology.BY_PAYMENT, FiguresTopology.BY_SHIFT,
                FiguresTopology.BY_SEX, FiguresTopology.BY_FINANCIALLY_RESPONSIBLE, FiguresTopology.AGE_HISTOGRAM}) {
            Map<String, Long> counts = new TreeMap<>();
            forEachCount(streams, name, String.class, counts::put);
            figures.put(name, counts);
        }
        Map<String, Map<String, Long>> courseByShift = new TreeMap<>();
        forEachCount(streams, FiguresTopology.COURSE_BY_SHIFT, FiguresTopology.CourseShift.class, (key, count) ->
                courseByShift.computeIfAbsent(key.course(), course -> new TreeMap<>()).put(key.shift(), count));
        figures.put(FiguresTopology.COURSE_BY_SHIFT, courseByShift);
        return figures;
    }

    /** Every non-zero count of a store: a group whose last member left keeps a count of 0, which no chart shows. */
    private static <K> void forEachCount(KafkaStreams streams, String name, Class<K> keyType, BiConsumer<K, Long> sink) {
        try (KeyValueIterator<K, Long> counts = store(streams, name, keyType).all()) {
            counts.forEachRemaining(count -> {
                if (count.value > 0) {
                    sink.accept(count.key, count.value);
                }
            });
        }
    }

    /** @param keyType the store's key type, which the query cannot check but the caller's code relies on */
    private static <K> ReadOnlyKeyValueStore<K, Long> store(KafkaStreams streams, String name, Class<K> keyType) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }
}
