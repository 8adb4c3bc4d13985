package dev.matriculas.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalKafkaTest {

    @Test
    void aBrokerOnFreePortsNeverGetsTheSamePortForItsControllerAsForItself() {
        // The system may hand back a port it has just handed out and seen closed: a benchmark once got it twice.
        for (int i = 0; i < 10_000; i++) {
            LocalKafka kafka = LocalKafka.onFreePorts(Path.of("unused"));
            assertThat(kafka.controllerPort()).as("try %d", i).isNotEqualTo(kafka.port());
        }
    }

    @Test
    void refusesOnePortForBoth() {
        assertThatThrownBy(() -> new LocalKafka(9092, 9092, Path.of("unused")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different numbers");
    }
}
