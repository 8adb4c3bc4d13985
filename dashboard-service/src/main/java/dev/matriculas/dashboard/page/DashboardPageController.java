package dev.matriculas.dashboard.page;

import dev.matriculas.dashboard.enrollments.Filter;
import dev.matriculas.dashboard.summary.SummaryService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard page, rendered with the current figures so it shows them before any script runs. */
@Controller
class DashboardPageController {

    private final SummaryService summaries;

    DashboardPageController(SummaryService summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/")
    String dashboard(Filter filter, Model model) {
        model.addAttribute("summary", summaries.summary(filter));
        return "dashboard";
    }
}
