package dev.matriculas.dashboard.summary;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import dev.matriculas.dashboard.enrollments.EnrollmentStore;
import dev.matriculas.dashboard.enrollments.Filter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The dashboard's data: a summary now, a live stream of them, and the enrollments as CSV. Each can be filtered
 * by the query parameters {@code course}, {@code shift}, {@code payment} and {@code sex} ({@link FilterParameters}).
 */
@RestController
@RequestMapping("/api")
class SummaryController {

    private final SummaryService summaries;
    private final SummaryStream stream;
    private final EnrollmentStore store;

    SummaryController(SummaryService summaries, SummaryStream stream, EnrollmentStore store) {
        this.summaries = summaries;
        this.stream = stream;
        this.store = store;
    }

    @GetMapping("/summary")
    Summary summary(Filter filter) {
        return summaries.summary(filter);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Filter filter) {
        return stream.subscribe(filter);
    }

    @GetMapping("/enrollments.csv")
    ResponseEntity<StreamingResponseBody> csv(Filter filter) {
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            EnrollmentCsv.writeHeader(writer);
            store.forEach(filter, enrollment -> EnrollmentCsv.writeRow(writer, enrollment));
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"matriculas.csv\"")
                .body(body);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badFilter(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
