package dev.matriculas.testkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.matriculas.localkafka.LocalKafka;

/** The project's KRaft broker in this JVM, on free ports, with its data in a folder of its own. */
final class InProcessBroker implements TestBroker {

    private final Path dataDir;
    private final LocalKafka kafka;

    InProcessBroker() {
        try {
            dataDir = Files.createTempDirectory("test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = LocalKafka.onFreePorts(dataDir);
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public TestBroker start() {
        kafka.start();
        BrokerReadiness.await(bootstrapServers());
        return this;
    }

    @Override
    public void stop() {
        kafka.close();
    }

    @Override
    public void close() {
        kafka.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
