package dev.matriculas.dashboard;

import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How many distinct values each field keeps before the rest share one "other" bucket. The contract's
 * vocabularies are far smaller; the caps only stop made-up values from growing memory without end.
 */
public record CategoryLimits(
        @DefaultValue("64") @Min(1) @Max(126) int courses,
        @DefaultValue("16") @Min(1) @Max(126) int shifts,
        @DefaultValue("64") @Min(1) @Max(126) int payments,
        @DefaultValue("16") @Min(1) @Max(126) int sexes,
        @DefaultValue("8") @Min(1) @Max(126) int financiallyResponsible,
        @DefaultValue("4000") @Min(1) @Max(32000) int enrollmentDates) {
}
