package dev.matriculas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The topics' settings: TOPIC_PARTITIONS, as the README and docker-compose.yml name it, with its default here. */
class TopicsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Topics.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void threePartitionsUnlessTold() {
        context.run(started -> assertThat(started.getBean(Topics.class).partitions()).isEqualTo(Topics.DEFAULT_PARTITIONS));
    }

    @Test
    void theEnvironmentVariableSetsThem() {
        context.withInitializer(started -> started.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("TOPIC_PARTITIONS", "6"))))
                .run(started -> assertThat(started.getBean(Topics.class).partitions()).isEqualTo(6));
    }

    @Test
    void refusesNoPartitions() {
        context.withPropertyValues("topic.partitions=0").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("'partitions'"));
    }
}
