package dev.matriculas.dashboard.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import dev.matriculas.contract.Enrollment;

/** Enrollments as RFC 4180 CSV with the contract's column names, safe to open in a spreadsheet. */
final class EnrollmentCsv {

    private EnrollmentCsv() {
    }

    static void writeHeader(Writer writer) throws IOException {
        writer.write("id_matricula,ds_curso_nome,ds_curso_turno,ds_curso_duracao,ds_curso_inicio,ds_aluno_idade,"
                + "ds_aluno_sexo,ds_aluno_responsavel_financeiro,ds_matricula_pagamento,dt_matricula\r\n");
    }

    static void writeRow(Writer writer, Enrollment e) {
        try {
            writer.write(String.join(",", text(e.id()), text(e.course()), text(e.shift()),
                    Integer.toString(e.durationSemesters()), e.courseStart().toString(), Integer.toString(e.age()),
                    text(e.sex()), text(e.financiallyResponsible()), text(e.payment()), e.enrollmentDate().toString()));
            writer.write("\r\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Quotes every text, and defuses values a spreadsheet would run as a formula. */
    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
