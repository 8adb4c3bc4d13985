package dev.matriculas.dashboard.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.matriculas.dashboard.DashboardProperties;
import dev.matriculas.dashboard.store.Filter;
import dev.matriculas.dashboard.summary.Summary;
import dev.matriculas.dashboard.summary.SummaryService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import jakarta.validation.Valid;

/**
 * The dashboard page, rendered with the current figures so it shows them before any script runs; the
 * same figures go along as JSON for the charts, which then follow {@code /api/stream}.
 */
@Controller
class DashboardPageController {

    private final SummaryService summaries;
    private final JsonMapper json;
    private final int newestRows;

    DashboardPageController(SummaryService summaries, JsonMapper json, DashboardProperties properties) {
        this.summaries = summaries;
        this.json = json;
        this.newestRows = properties.newestRows();
    }

    @GetMapping("/")
    String dashboard(@Valid Filter filter, Locale locale, Model model) {
        Summary summary = summaries.summary(filter);
        model.addAttribute("summary", summary);
        model.addAttribute("summaryJson", json.writeValueAsString(summary));
        model.addAttribute("newestRows", newestRows);
        model.addAttribute("languages", LanguageLink.all(filter, locale));
        // The table's download is of the enrollments in view; the script keeps it so as the filters change.
        model.addAttribute("csvHref", href("/api/enrollments.csv", filter, Map.of()));
        model.addAttribute("clientMessages", ClientMessages.KEYS);
        return "dashboard";
    }

    /** One entry of the language switch; its link keeps the filters in view. */
    record LanguageLink(String tag, String code, String name, String href, boolean current) {

        static List<LanguageLink> all(Filter filter, Locale current) {
            return PageLocaleResolver.SUPPORTED.stream()
                    .map(locale -> new LanguageLink(locale.toLanguageTag(), locale.getLanguage().toUpperCase(Locale.ROOT),
                            StringUtils.capitalize(locale.getDisplayLanguage(locale)), href(filter, locale),
                            locale.getLanguage().equals(current.getLanguage())))
                    .toList();
        }

        private static String href(Filter filter, Locale locale) {
            return DashboardPageController.href("/", filter, Map.of(WebConfiguration.LANGUAGE_PARAMETER, locale.toLanguageTag()));
        }
    }

    /**
     * The path with the filter's values, then {@code more}, as its query. Expanded as template variables, so every
     * reserved character is escaped: a {@code +} left as it is would be read back as a space.
     */
    private static String href(String path, Filter filter, Map<String, String> more) {
        Map<String, String> values = new LinkedHashMap<>(filter.given());
        values.putAll(more);
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        values.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
        return builder.encode().buildAndExpand(values).toUriString();
    }
}
