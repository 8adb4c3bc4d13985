package dev.matriculas.testkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

/** The choice of broker from the setting and whether Docker is reachable; no Docker engine is asked here. */
class BrokerChoiceTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("Docker's availability was asked although the choice does not depend on it");
    };

    @Test
    void withoutASettingAContainerWhereDockerIsReachable() {
        assertThat(BrokerChoice.choose("", DOCKER)).isEqualTo(BrokerChoice.CONTAINER);
    }

    @Test
    void withoutASettingTheInProcessBrokerWhereDockerIsNotReachable() {
        assertThat(BrokerChoice.choose("", NO_DOCKER)).isEqualTo(BrokerChoice.IN_PROCESS);
    }

    @Test
    void inProcessIsChosenWithoutAskingForDocker() {
        assertThat(BrokerChoice.choose(" In-Process ", NOT_TO_BE_ASKED)).isEqualTo(BrokerChoice.IN_PROCESS);
    }

    @Test
    void aContainerIsChosenWhenAskedForAndDockerIsReachable() {
        assertThat(BrokerChoice.choose("container", DOCKER)).isEqualTo(BrokerChoice.CONTAINER);
    }

    @Test
    void insistingOnAContainerWithoutDockerFailsAtOnceSayingSo() {
        assertThatThrownBy(() -> BrokerChoice.choose("container", NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine is reachable")
                .hasMessageContaining("-Dkafka.tests=in-process");
    }

    @Test
    void anUnknownChoiceIsRefusedNamingTheTwoThereAre() {
        assertThatThrownBy(() -> BrokerChoice.choose("docker", NOT_TO_BE_ASKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dkafka.tests must be 'container' or 'in-process', got 'docker'");
    }
}
