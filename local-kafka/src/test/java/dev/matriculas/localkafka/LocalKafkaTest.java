package dev.matriculas.localkafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalKafkaTest {

    @Test
    void aBrokerOnFreePortsIsGivenTwoPortsItCanUse() {
        // The system may hand back a port it has just handed out and seen closed; two equal ports are refused.
        for (int i = 0; i < 1_000; i++) {
            assertThatCode(() -> LocalKafka.onFreePorts(Path.of("unused"))).as("try %d", i).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesOnePortForBoth() {
        assertThatThrownBy(() -> new LocalKafka(9092, 9092, Path.of("unused")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different numbers");
    }
}
