package dev.matriculas.contract;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One course enrollment, as published on {@code registration_topic}. The JSON names are the public
 * contract (see {@code enrollment.schema.json}); the Java names say the same in English.
 */
public record Enrollment(
        @JsonProperty("id_matricula") String id,
        @JsonProperty("ds_curso_nome") String course,
        @JsonProperty("ds_curso_turno") String shift,
        @JsonProperty("ds_curso_duracao") int durationSemesters,
        @JsonProperty("ds_curso_inicio") @JsonFormat(pattern = "yyyy-MM-dd") LocalDate courseStart,
        @JsonProperty("ds_aluno_idade") int age,
        @JsonProperty("ds_aluno_sexo") String sex,
        @JsonProperty("ds_aluno_responsavel_financeiro") String financiallyResponsible,
        @JsonProperty("ds_matricula_pagamento") String payment,
        @JsonProperty("dt_matricula") @JsonFormat(pattern = "yyyy-MM-dd") LocalDate enrollmentDate) {

    /** The topic every enrollment is published to. */
    public static final String TOPIC = "registration_topic";

    /** Where records that break the contract are parked, with the reason in a header. */
    public static final String DEAD_LETTER_TOPIC = TOPIC + ".DLT";
}
