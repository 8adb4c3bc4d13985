package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void freePortsHandedOutInOneRunAreAllDifferent() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            assertThat(ports.add(ServiceProcess.freePort())).as("port handed out a second time, on try %d", i).isTrue();
        }
    }
}
