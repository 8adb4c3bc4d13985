package dev.matriculas.dashboard.web;

/** A query the dashboard will not guess the meaning of; its message says why, and is answered as a 400. */
class BadQueryException extends RuntimeException {

    BadQueryException(String message) {
        super(message);
    }
}
