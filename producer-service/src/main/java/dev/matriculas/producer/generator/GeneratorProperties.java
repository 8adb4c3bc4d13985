package dev.matriculas.producer.generator;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How enrollments are made up.
 *
 * @param seed      fixes the sequence of generated values (not the ids, which are always unique);
 *                  empty means a different sequence on every start
 * @param termStart the term start date that course start dates are counted from
 */
@Validated
@ConfigurationProperties("generator")
public record GeneratorProperties(
        Long seed,
        @NotNull @DefaultValue("2024-02-01") LocalDate termStart) {
}
