package dev.matriculas.dashboard;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param categoryLimits distinct values kept per field before the "other" bucket
 * @param newestRows     rows of the newest-enrollments table
 * @param pushInterval   at most one live update per client per this interval, and only after a change: a change
 *                       after a quiet interval is sent at once, the last of a burst one interval after the
 *                       previous update (50 ms to 1 min: shorter floods browsers, longer is no longer live)
 * @param heartbeat      a comment on quiet live streams so proxies keep them open (100 ms to 10 min:
 *                       proxies commonly drop a connection quiet for a minute or more)
 */
@Validated
@ConfigurationProperties("dashboard")
public record DashboardProperties(
        @Valid @NotNull @DefaultValue CategoryLimits categoryLimits,
        @DefaultValue("20") @Min(1) @Max(500) int newestRows,
        @NotNull @DefaultValue("200ms") @DurationMin(millis = 50) @DurationMax(minutes = 1) Duration pushInterval,
        @NotNull @DefaultValue("15s") @DurationMin(millis = 100) @DurationMax(minutes = 10) Duration heartbeat) {
}
