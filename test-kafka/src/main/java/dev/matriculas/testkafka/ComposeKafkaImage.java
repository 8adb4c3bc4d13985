package dev.matriculas.testkafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** The Kafka image docker-compose.yml runs, so the tests meet the broker a user runs. */
final class ComposeKafkaImage {

    private ComposeKafkaImage() {
    }

    static String read() {
        Path file = composeFile();
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<?, ?> document = new Yaml().load(reader);
            if (document.get("services") instanceof Map<?, ?> services
                    && services.get("kafka") instanceof Map<?, ?> kafka && kafka.get("image") instanceof String image) {
                return image;
            }
            throw new IllegalStateException(file + " has no image for a service named kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the module the tests run in, up to the repository root. */
    private static Path composeFile() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("docker-compose.yml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docker-compose.yml in " + Path.of("").toAbsolutePath() + " or above");
    }
}
