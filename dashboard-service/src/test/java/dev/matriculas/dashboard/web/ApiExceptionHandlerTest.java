package dev.matriculas.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.matriculas.dashboard.live.SummaryStream;
import dev.matriculas.dashboard.store.EnrollmentStore;
import dev.matriculas.dashboard.summary.SummaryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A query the API cannot take is a 400 ProblemDetail that says why; a failure of the service's own is not. */
@WebMvcTest(SummaryController.class)
class ApiExceptionHandlerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SummaryService summaries;

    @MockitoBean
    SummaryStream stream;

    @MockitoBean
    EnrollmentStore store;

    private JsonNode problem(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(response.getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return JsonMapper.builder().build().readTree(response.getContentAsString());
    }

    @Test
    void anOverlongFilterSaysWhichParameterAndItsLimit() throws Exception {
        JsonNode problem = problem("/api/summary?shift=" + "x".repeat(101));

        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isEqualTo("shift must be at most 100 characters long");
    }

    @Test
    void anUnknownParameterSaysWhatTheFiltersAre() throws Exception {
        assertThat(problem("/api/enrollments.csv?curso=x").get("detail").asString())
                .isEqualTo("unknown parameter 'curso': the filters are course, shift, payment, sex");
    }

    @Test
    void anIllegalArgumentFromTheServiceItselfIsNoBadRequest() {
        given(summaries.summary(any())).willThrow(new IllegalArgumentException("a bug's own words"));

        // Unhandled by the advice: the container answers it as a server error.
        assertThatThrownBy(() -> mvc.perform(get("/api/summary")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
