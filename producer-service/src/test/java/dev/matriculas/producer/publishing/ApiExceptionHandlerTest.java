package dev.matriculas.producer.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Only a request the caller got wrong is answered 400; a fault of the service is not blamed on the caller. */
class ApiExceptionHandlerTest {

    @Test
    void anIllegalArgumentFromTheServiceIsNoBadRequestButLeftToTheServerAsAnError() {
        PublishingLoop loop = mock(PublishingLoop.class);
        doThrow(new IllegalArgumentException("an internal detail")).when(loop).setRatePerSecond(5);
        MockMvcTester mvc = MockMvcTester.of(List.of(new ProducerController(loop, null)),
                controller -> controller.setControllerAdvice(new ApiExceptionHandler()).build());

        MvcTestResult result = mvc.put().uri("/api/producer/rate?perSecond=5").exchange();

        // Unhandled, it reaches the servlet container, which answers 500.
        assertThat(result).hasFailed().failure().hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
