package dev.matriculas.dashboard.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import dev.matriculas.dashboard.live.SummaryStream;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.summary.Summary;
import dev.matriculas.dashboard.summary.SummaryService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.validation.Valid;

/**
 * The dashboard's data: a summary now, a live stream of them, and the enrollments as CSV. Each can be filtered
 * by the query parameters {@code course}, {@code shift}, {@code payment} and {@code sex} (read strictly: {@link StrictQueryParameters}).
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
    Summary summary(@Valid Filter filter) {
        return summaries.summary(filter);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@Valid Filter filter) {
        return stream.subscribe(filter);
    }

    @GetMapping("/enrollments.csv")
    ResponseEntity<StreamingResponseBody> csv(@Valid Filter filter) {
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
}
