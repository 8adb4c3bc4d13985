package dev.matriculas.dashboard.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import dev.matriculas.dashboard.summary.Summary;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-Sent-Events frames as the bytes that go on the wire. A summary is serialised once per filter and the
 * same bytes are written to every stream of that filter: at thousands of clients, encoding each client's copy
 * again would cost more than the writes.
 */
final class Frames {

    static final String EVENT = "summary";
    static final Set<DataWithMediaType> PING = frame(":keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
    private static final byte[] SUMMARY_START = ("event:" + EVENT + "\ndata:").getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);

    private Frames() {
    }

    /** One event; compact JSON has no line break, so the summary fits one data line. */
    static Set<DataWithMediaType> summary(JsonMapper json, Summary summary) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        bytes.writeBytes(SUMMARY_START);
        json.writeValue(bytes, summary);
        bytes.writeBytes(END);
        return frame(bytes.toByteArray());
    }

    private static Set<DataWithMediaType> frame(byte[] bytes) {
        // Bytes go out as they are (Spring's byte-array converter); the stream's content type is set already.
        return Set.of(new DataWithMediaType(bytes, MediaType.TEXT_PLAIN));
    }
}
