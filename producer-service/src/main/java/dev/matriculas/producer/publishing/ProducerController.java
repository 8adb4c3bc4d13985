package dev.matriculas.producer.publishing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Steers the generator while it runs: rate, pause, resume and bursts for load tests. */
@RestController
@RequestMapping("/api/producer")
class ProducerController {

    private final PublishingLoop loop;
    private final EnrollmentPublisher publisher;

    ProducerController(PublishingLoop loop, EnrollmentPublisher publisher) {
        this.loop = loop;
        this.publisher = publisher;
    }

    @GetMapping
    ProducerStatus status() {
        return new ProducerStatus(publisher.sent(), publisher.failed(), publisher.pending(), loop.ratePerSecond(),
                loop.paused(), loop.burstRemaining(), publisher.unreachableSince() == null,
                publisher.unreachableSince());
    }

    @PutMapping("/rate")
    ProducerStatus rate(@RequestParam int perSecond) {
        loop.setRatePerSecond(perSecond);
        return status();
    }

    @PostMapping("/pause")
    ProducerStatus pause() {
        loop.pause();
        return status();
    }

    @PostMapping("/resume")
    ProducerStatus resume() {
        loop.resume();
        return status();
    }

    @PostMapping("/burst")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProducerStatus burst(@RequestParam int count) {
        loop.burst(count);
        return status();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail outOfRange(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail notANumber(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getName() + " must be a whole number, got '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the query parameter " + e.getParameterName() + " is required");
    }
}
