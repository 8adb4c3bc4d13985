package dev.matriculas.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * axe-core, the engine of the browsers' own accessibility audits, run with the WCAG 2.1 A and AA rules on the
 * page as the browser shows it now. Each check prints one line (the state, violations by impact, their rules), so
 * a run's output tells what every state was found to have, and fails on any violation, whatever its impact.
 */
final class Axe {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");

    private Axe() {
    }

    /** Checks the whole page, or only the parts matched by the CSS selectors in {@code include}. */
    static void check(Browser browser, String state, String... include) {
        AxeBuilder axe = new AxeBuilder().withTags(WCAG_21_AA);
        if (include.length > 0) {
            axe.include(List.of(include));
        }
        Results results = axe.analyze(browser.driver());
        assertThat(results.isErrored()).as("axe-core could not run: %s", results.getErrorMessage()).isFalse();
        System.out.println(line(state, results.getViolations()));
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(() -> "WCAG 2.1 AA violations in state '" + state + "':\n"
                + violations.stream().map(Axe::describe).collect(Collectors.joining("\n"))).isEmpty();
    }

    static String line(String state, List<Rule> violations) {
        Map<String, List<String>> byImpact = new TreeMap<>();
        violations.forEach(rule -> byImpact.computeIfAbsent(rule.getImpact(), impact -> new ArrayList<>())
                .add(rule.getId() + " x" + rule.getNodes().size()));
        String counts = IMPACTS.stream()
                .map(impact -> impact + " " + byImpact.getOrDefault(impact, List.of()).size())
                .collect(Collectors.joining(", "));
        String rules = violations.isEmpty() ? "none" : IMPACTS.stream().filter(byImpact::containsKey)
                .map(impact -> impact + ": " + String.join(" ", byImpact.get(impact)))
                .collect(Collectors.joining("; "));
        return "axe [" + state + "] " + counts + " | rules: " + rules;
    }

    private static String describe(Rule rule) {
        return "  " + rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "):\n" + rule.getNodes().stream()
                .map(node -> "    " + node.getTarget() + " " + node.getFailureSummary().replace('\n', ' '))
                .collect(Collectors.joining("\n"));
    }
}
