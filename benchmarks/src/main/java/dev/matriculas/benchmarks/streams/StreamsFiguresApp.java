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
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
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
        Properties config = config(args[0], Path.of(args[2]));
        StreamsBuilder builder = new StreamsBuilder();
        FiguresTopology.build(builder);
        KafkaStreams streams = new KafkaStreams(builder.build(config), config);
        Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
        streams.start();

        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", Integer.parseInt(args[1])), 0);
        server.createContext("/figures", exchange -> answer(exchange, streams));
        server.start();
    }

    static Properties config(String bootstrapServers, Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        // A record that is not an enrollment is logged and skipped; the next one is read.
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        // The topic is compacted: the table's store is rebuilt from it instead of from a changelog of its own.
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        // Counts reach their stores when the cache is flushed at a commit: once a second, so a change shows within a
        // second rather than within the default 30 s, at the cost of a producer and store flush each time.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        return config;
    }

    private static void answer(HttpExchange exchange, KafkaStreams streams) throws IOException {
        int status = 200;
        byte[] body;
        try {
            body = FiguresTopology.JSON.writeValueAsBytes(figures(name -> streams.store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<Object, Long>keyValueStore()))));
        } catch (InvalidStateStoreException e) {
            // Starting or rebalancing: the stores are not queryable yet.
            status = 503;
            body = e.getMessage().getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The figures in the dashboard's names, read from the count stores that {@code stores} finds by name. */
    static Map<String, Object> figures(Function<String, ReadOnlyKeyValueStore<Object, Long>> stores) {
        Map<String, Object> figures = new LinkedHashMap<>();
        Long total = stores.apply(FiguresTopology.TOTAL).get(FiguresTopology.ALL);
        figures.put("totalEnrollments", total == null ? 0 : total);
        for (String name : new String[] {FiguresTopology.BY_COURSE, FiguresTopology.BY_PAYMENT, FiguresTopology.BY_SHIFT,
                FiguresTopology.BY_SEX, FiguresTopology.BY_FINANCIALLY_RESPONSIBLE, FiguresTopology.AGE_HISTOGRAM}) {
            Map<String, Long> counts = new TreeMap<>();
            forEachCount(stores.apply(name), (key, count) -> counts.put((String) key, count));
            figures.put(name, counts);
        }
        Map<String, Map<String, Long>> courseByShift = new TreeMap<>();
        forEachCount(stores.apply(FiguresTopology.COURSE_BY_SHIFT), (key, count) -> {
            FiguresTopology.CourseShift courseShift = (FiguresTopology.CourseShift) key;
            courseByShift.computeIfAbsent(courseShift.course(), course -> new TreeMap<>()).put(courseShift.shift(), count);
        });
        figures.put(FiguresTopology.COURSE_BY_SHIFT, courseByShift);
        return figures;
    }

    /** Every non-zero count of a store: a group whose last member left keeps a count of 0, which no chart shows. */
    private static void forEachCount(ReadOnlyKeyValueStore<Object, Long> store, BiConsumer<Object, Long> sink) {
        try (KeyValueIterator<Object, Long> counts = store.all()) {
            counts.forEachRemaining(count -> {
                if (count.value > 0) {
                    sink.accept(count.key, count.value);
                }
            });
        }
    }
}
