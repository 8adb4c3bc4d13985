package dev.matriculas.testkafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class BrokerChoiceTest {

    @Test
    void insistingOnAContainerWithoutDockerFailsAtOnceSayingSo() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is reachable here");

        assertThatThrownBy(() -> BrokerChoice.choose("container"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine is reachable")
                .hasMessageContaining("-Dkafka.tests=in-process");
    }

    @Test
    void anUnknownChoiceIsRefusedNamingTheTwoThereAre() {
        assertThatThrownBy(() -> BrokerChoice.choose("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dkafka.tests must be 'container' or 'in-process', got 'docker'");
    }
}
