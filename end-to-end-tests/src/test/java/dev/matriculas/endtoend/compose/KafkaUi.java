package dev.matriculas.endtoend.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Kafka UI's image as docker-compose.yml names it, and whether this Docker engine has it: the stack runs Kafka UI
 * only then, since an engine with no registry cannot pull it.
 */
final class KafkaUi {

    private static final Path COMPOSE_FILE =
            Path.of(System.getProperty("repository.root", "missing: run through Maven"), "docker-compose.yml");

    private KafkaUi() {
    }

    @SuppressWarnings("unchecked")
    static String image() {
        try (InputStream in = Files.newInputStream(COMPOSE_FILE)) {
            Map<String, Object> file = new Yaml().load(in);
            Map<String, Object> services = (Map<String, Object>) file.get("services");
            return (String) ((Map<String, Object>) services.get("kafka-ui")).get("image");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean imagePresent() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return false;
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
