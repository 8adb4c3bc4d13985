package dev.matriculas.dashboard.store;

/**
 * One enrollment as the store keeps it: each category as its {@link Vocabulary} code and each date as an epoch
 * day, so a row is about 50 bytes besides its id rather than a dozen objects.
 *
 * @param slot           where the row sits in the store's {@link Slots}
 * @param enrollmentDate the enrollment date's code (the dates chart); {@code enrollmentDay} is the date itself
 * @param timestamp      the record's timestamp, which orders the newest rows
 */
record Row(String id, int slot, byte course, byte shift, byte payment, byte sex, byte responsible, byte age,
        byte duration, short enrollmentDate, int courseStart, int enrollmentDay, long timestamp) {

    /** The four fields a filter can pick, a byte each. */
    int filterKey() {
        return course | shift << 8 | payment << 16 | sex << 24;
    }
}
