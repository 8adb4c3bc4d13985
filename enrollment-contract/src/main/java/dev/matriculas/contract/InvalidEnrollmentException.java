package dev.matriculas.contract;

/** A record that breaks the enrollment contract, with the reason and a message a person can act on. */
public class InvalidEnrollmentException extends RuntimeException {

    private final RejectReason reason;

    public InvalidEnrollmentException(RejectReason reason, String message) {
        super(reason.code() + ": " + message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
