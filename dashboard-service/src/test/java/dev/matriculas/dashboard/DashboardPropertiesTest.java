package dev.matriculas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The dashboard's settings: defaults in one place, and a clear refusal of values it cannot work with. */
class DashboardPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DashboardProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void bindsItsDefaultsWhenNothingIsSet() {
        context.run(started -> {
            DashboardProperties properties = started.getBean(DashboardProperties.class);
            assertThat(properties.pushInterval()).isEqualTo(Duration.ofMillis(200));
            assertThat(properties.heartbeat()).isEqualTo(Duration.ofSeconds(15));
            assertThat(properties.newestRows()).isEqualTo(20);
            assertThat(properties.categoryLimits().courses()).isEqualTo(64);
        });
    }

    @ParameterizedTest
    @CsvSource({"push-interval=0s, pushInterval", "push-interval=-1s, pushInterval", "push-interval=2m, pushInterval",
            "heartbeat=0s, heartbeat", "heartbeat=1h, heartbeat", "newest-rows=0, newestRows",
            "category-limits.courses=500, categoryLimits.courses"})
    void refusesToStartOnASettingItCannotWorkWith(String setting, String field) {
        context.withPropertyValues("dashboard." + setting).run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("dashboard").hasMessageContaining("'" + field + "'"));
    }
}
