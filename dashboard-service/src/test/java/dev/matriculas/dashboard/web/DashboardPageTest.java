package dev.matriculas.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.status.PipelineStatus;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.store.SubsetFigures;
import dev.matriculas.dashboard.summary.Summary;
import dev.matriculas.dashboard.summary.SummaryService;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The page as the server renders it: the first paint, its language, and the headers that guard it. */
@WebMvcTest(DashboardPageController.class)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardPageTest {

    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SummaryService summaries;

    @BeforeEach
    void someEnrollments() {
        given(summaries.summary(any())).willAnswer(call -> summary(call.getArgument(0), 1234,
                enrollment("m-1", "Edificações"), enrollment("m-2", "Refrigeração")));
    }

    @Test
    void firstPaintAlreadyShowsTheFigures() throws Exception {
        String page = render(get("/")).getContentAsString();

        assertThat(page).contains("<span id=\"kpi-total\" class=\"kpi-value\">1.234</span>");
        assertThat(page).contains("<th scope=\"row\">Edificações</th>");
        assertThat(page).contains("<dd id=\"profile-course\">Edificações</dd>");
        assertThat(page).contains("<tr data-id=\"m-1\">", "<tr data-id=\"m-2\">");
        assertThat(page).contains("data-summary=\"{&quot;totalEnrollments&quot;:1234,");
        assertThat(page).containsPattern("id=\"banner-no-data\"[^>]*hidden");
    }

    @Test
    void saysNothingWasConsumedYetAsTheOriginalDid() throws Exception {
        given(summaries.summary(any())).willAnswer(call -> summary(call.getArgument(0), 0));

        String page = render(get("/")).getContentAsString();

        assertThat(page).contains("<strong>Nenhum dado foi consumido do Kafka.</strong>");
        assertThat(page).doesNotContainPattern("id=\"banner-no-data\"[^>]*hidden");
        assertThat(page).containsPattern("id=\"banner-no-match\"[^>]*hidden");
    }

    @Test
    void kafkaAwaySaysSinceWhenAsATimeOfDay() throws Exception {
        Instant since = Instant.parse("2026-01-02T03:04:05.123456789Z");
        given(summaries.summary(any())).willAnswer(call -> {
            Summary connected = summary(call.getArgument(0), 1234, enrollment("m-1", "Edificações"));
            return new Summary(connected.figures(), connected.filter(), connected.rejected(),
                    new PipelineStatus(false, since, false, 0, Map.of(), 100.0, 0.0, 1234), connected.facets());
        });

        String page = render(get("/")).getContentAsString();

        // As the "last update" figure is written; the script then shows it in the browser's own format.
        String time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(since);
        assertThat(page).contains("Kafka desconectado desde " + time + ". Os números mostram o último estado conhecido.");
    }

    @Test
    void valuesFromKafkaArriveAsTextNeverAsMarkup() throws Exception {
        given(summaries.summary(any())).willAnswer(call -> summary(call.getArgument(0), 1, enrollment("x", HOSTILE)));

        String page = render(get("/").param("course", HOSTILE)).getContentAsString();

        assertThat(page).doesNotContain(HOSTILE);
        assertThat(page).contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>");
        assertThat(page).contains("<span class=\"chip-value\">&lt;img src=x onerror=alert(1)&gt;</span>");
        assertThat(page).contains("&quot;ds_curso_nome&quot;:&quot;&lt;img src=x onerror=alert(1)&gt;&quot;");
    }

    @Test
    void forbidsInlineScriptsAndOtherOriginsAndHasNoneOfItsOwn() throws Exception {
        MockHttpServletResponse response = render(get("/"));

        assertThat(response.getHeader("Content-Security-Policy")).contains(
                "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
                "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        String page = response.getContentAsString();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        assertThat(page).doesNotContainPattern("\\son[a-z]+=");
        assertThat(page).doesNotContainPattern("\\sstyle=");
        assertThat(page).doesNotContain("<style");
        assertThat(page).containsPattern("<script src=\"/webjars/chart\\.js/[\\d.]+/dist/chart\\.umd\\.min\\.js\"");
    }

    @Test
    void showsTheFiltersOfTheAddressAsChipsAndKeepsThemInTheLanguageLinks() throws Exception {
        String page = render(get("/").param("course", "Edificações").param("shift", "Noite")).getContentAsString();

        assertThat(page).contains("<span class=\"chip-value\">Edificações</span>", "<span class=\"chip-value\">Noite</span>");
        assertThat(page).contains("href=\"/?course=Edifica%C3%A7%C3%B5es&amp;shift=Noite&amp;lang=en\"");
        assertThat(page).contains("id=\"csv-download\" class=\"button\" href=\"/api/enrollments.csv?course=Edifica%C3%A7%C3%B5es&amp;shift=Noite\"");
        assertThat(page).containsPattern("id=\"clear-filters\"[^>]*>Limpar filtros");
    }

    @Test
    void linksKeepEveryCharacterOfAFilterValue() throws Exception {
        String page = render(get("/").param("course", "C++ & co")).getContentAsString();

        // A '+' left as it is would come back as a space.
        assertThat(page).contains("href=\"/api/enrollments.csv?course=C%2B%2B%20%26%20co\"",
                "href=\"/?course=C%2B%2B%20%26%20co&amp;lang=en\"");
    }

    @Test
    void aFilterNoRecordCouldMatchGetsAClearAnswerNotAFailure() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/").param("course", "x".repeat(101))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("course must be at most 100 characters long",
                "<a class=\"button\" href=\"/\">Voltar ao painel</a>");
    }

    @Test
    void aMistypedFilterNameGetsAClearAnswerInsteadOfEveryFigure() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/").param("cours", "Edificações").param("lang", "en"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("unknown parameter &#39;cours&#39;: the filters are course, shift, payment, sex");
    }

    @ParameterizedTest
    @CsvSource({
            "'en-US,en;q=0.9', en, Enrollments Dashboard",
            "'pt-BR,pt;q=0.9', pt-BR, Dashboard de Matrículas",
            "pt-PT, pt-BR, Dashboard de Matrículas",
            "'fr-FR,de;q=0.8', pt-BR, Dashboard de Matrículas",
            "'de,en;q=0.5', en, Enrollments Dashboard",
    })
    void speaksTheBrowsersLanguageWhenItKnowsItElsePortuguese(String acceptLanguage, String lang, String title)
            throws Exception {
        String page = render(get("/").header("Accept-Language", acceptLanguage)).getContentAsString();

        assertThat(page).contains("<html lang=\"" + lang + "\">", "<h1>" + title + "</h1>");
    }

    @Test
    void speaksPortugueseToABrowserThatNamesNoLanguage() throws Exception {
        assertThat(render(get("/")).getContentAsString()).contains("<html lang=\"pt-BR\">");
    }

    @Test
    void theLanguageSwitchIsRememberedInACookie() throws Exception {
        MockHttpServletResponse switched = render(get("/").param("lang", "en").header("Accept-Language", "pt-BR"));

        assertThat(switched.getContentAsString()).contains("<h1>Enrollments Dashboard</h1>");
        Cookie cookie = switched.getCookie(PageLocaleResolver.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("en");
        assertThat(cookie.getMaxAge()).isPositive();

        String later = render(get("/").cookie(cookie).header("Accept-Language", "pt-BR")).getContentAsString();
        assertThat(later).contains("<h1>Enrollments Dashboard</h1>");
    }

    @Test
    void aLanguageThePageDoesNotSpeakIsNeitherUsedNorRemembered() throws Exception {
        MockHttpServletResponse switched = render(get("/").param("lang", "fr").header("Accept-Language", "en"));

        assertThat(switched.getContentAsString()).contains("<html lang=\"en\">");
        assertThat(switched.getCookie(PageLocaleResolver.COOKIE).getValue()).as("an earlier choice is emptied").isEmpty();

        String withForgedCookie = render(get("/").cookie(new Cookie(PageLocaleResolver.COOKIE, "<x>"))
                .header("Accept-Language", "en")).getContentAsString();
        assertThat(withForgedCookie).contains("<html lang=\"en\">");
    }

    private MockHttpServletResponse render(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response;
    }

    static Enrollment enrollment(String id, String course) {
        return new Enrollment(id, course, "Noite", 5, LocalDate.of(2024, 2, 1), 20, "Feminino", "Sim", "Pix",
                LocalDate.of(2024, 1, 20));
    }

    static Summary summary(Filter filter, long total, Enrollment... newest) {
        Map<String, Integer> byCourse = new java.util.TreeMap<>();
        for (Enrollment enrollment : newest) {
            byCourse.merge(enrollment.course(), 1, Integer::sum);
        }
        SubsetFigures.MostCommon common = total == 0 ? new SubsetFigures.MostCommon(null, null, null, null, null, null)
                : new SubsetFigures.MostCommon(newest[0].course(), "Noite", "Pix", "Feminino", 20, "Sim");
        SubsetFigures figures = new SubsetFigures(total, total == 0 ? null : Instant.parse("2026-01-02T03:04:05Z"), byCourse,
                Map.of("Pix", (int) total), Map.of("Noite", (int) total), Map.of("Noite", 100.0),
                Map.of("Feminino", (int) total), Map.of("Sim", (int) total), Map.of("20-24", (int) total),
                Map.of(), new SubsetFigures.Arrivals(Instant.parse("2026-01-02T02:04:10Z"), 10, new int[360]),
                Map.of("2024-01-20", (int) total), common, List.of(newest), Map.of());
        return new Summary(figures, filter, new Summary.Rejected(0, Map.of()),
                new PipelineStatus(true, null, false, 0, Map.of(0, 0L), 100.0, 0.0, total), Map.of());
    }
}
