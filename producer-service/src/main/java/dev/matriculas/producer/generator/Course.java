package dev.matriculas.producer.generator;

import java.time.LocalDate;

/** The courses on offer, with the rules for their length and start date (see the domain notes). */
enum Course {
    MECANICA_INDUSTRIAL("Mecânica Industrial", true, 1),
    INFORMATICA_PARA_WEB("Informática para Web", false, 1),
    EDIFICACOES("Edificações", true, 1),
    REFRIGERACAO("Refrigeração", true, 2),
    ADMINISTRACAO("Administração", false, 2);

    private final String label;
    private final boolean technical;
    private final int daytimeStartDelayWeeks;

    Course(String label, boolean technical, int daytimeStartDelayWeeks) {
        this.label = label;
        this.technical = technical;
        this.daytimeStartDelayWeeks = daytimeStartDelayWeeks;
    }

    String label() {
        return label;
    }

    /** Technical courses last 4 semesters by day and 5 at night; the others 3 by day and 4 at night. */
    int durationSemesters(Shift shift) {
        return (technical ? 4 : 3) + (shift == Shift.NOITE ? 1 : 0);
    }

    /** Night classes start on the term start; day classes one or two weeks later, by course. */
    LocalDate start(Shift shift, LocalDate termStart) {
        return shift == Shift.NOITE ? termStart : termStart.plusWeeks(daytimeStartDelayWeeks);
    }
}
