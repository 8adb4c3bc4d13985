package dev.matriculas.producer.publishing;

/** Records were asked for while the producer is not running (it is stopping): none would be made. */
public class NotPublishingException extends RuntimeException {

    NotPublishingException() {
        super("the producer is not running (it is stopping): no more records are made");
    }
}
