package dev.matriculas.producer.publishing;

import java.time.Instant;

import org.hibernate.validator.constraints.Range;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Steers the generator while it runs: rate, pause, resume and bursts for load tests. Each parameter declares its
 * range; a missing, malformed or out-of-range value gets 400 with that range ({@link ApiExceptionHandler}).
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
    ProducerStatus rate(@RequestParam @Range(min = PublishingLoop.MIN_RATE, max = PublishingLoop.MAX_RATE) int perSecond) {
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
    ProducerStatus burst(@RequestParam @Range(min = PublishingLoop.MIN_BURST, max = PublishingLoop.MAX_BURST) int count) {
        loop.burst(count);
        return status();
    }
}
