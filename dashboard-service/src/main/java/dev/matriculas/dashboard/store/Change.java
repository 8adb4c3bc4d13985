package dev.matriculas.dashboard.store;

import dev.matriculas.contract.Enrollment;

/**
 * What one record does to the store: puts an enrollment (a record with a value) or removes the enrollment with an
 * id (a tombstone).
 *
 * @param timestamp the record's timestamp, which places a put enrollment among the newest rows and the arrivals
 */
public record Change(String id, Enrollment enrollment, long timestamp) {

    public static Change put(Enrollment enrollment, long timestamp) {
        return new Change(enrollment.id(), enrollment, timestamp);
    }

    public static Change remove(String id) {
        return new Change(id, null, 0);
    }

    boolean removes() {
        return enrollment == null;
    }
}
