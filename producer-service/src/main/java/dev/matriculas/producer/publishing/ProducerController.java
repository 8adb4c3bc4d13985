package dev.matriculas.producer.publishing;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Steers the generator while it runs: rate, pause, resume and bursts for load tests. Parameters are read as
 * text so that a missing, malformed or out-of-range value gets one answer: 400 with the allowed range.
 */
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
        // Read once: reachable and "unreachable since" must agree within one answer.
        Instant unreachableSince = publisher.unreachableSince();
        return new ProducerStatus(publisher.sent(), publisher.failed(), publisher.pending(), loop.ratePerSecond(),
                loop.paused(), loop.burstRemaining(), unreachableSince == null, unreachableSince);
    }

    @PutMapping("/rate")
    ProducerStatus rate(@RequestParam(required = false) String perSecond) {
        loop.setRatePerSecond(RateLimits.rate(perSecond));
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
    ProducerStatus burst(@RequestParam(required = false) String count) {
        loop.burst(RateLimits.burst(count));
        return status();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badParameter(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail notRunning(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
