package dev.matriculas.producer.generator;

enum Shift {
    MANHA("Manhã"), TARDE("Tarde"), NOITE("Noite");

    private final String label;

    Shift(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
