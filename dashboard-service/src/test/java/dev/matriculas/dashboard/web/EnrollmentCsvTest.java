package dev.matriculas.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A text a spreadsheet would run as a formula is written as text, whichever of the six formula characters leads it. */
class EnrollmentCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2"})
    void aLeadingFormulaCharacterIsDefused(String value) {
        assertThat(EnrollmentCsv.text(value)).isEqualTo("\"'" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Edificações", "1+2", "a=b", ""})
    void otherTextIsOnlyQuoted(String value) {
        assertThat(EnrollmentCsv.text(value)).isEqualTo('"' + value + '"');
    }
}
