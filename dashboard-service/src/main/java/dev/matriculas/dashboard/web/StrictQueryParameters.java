package dev.matriculas.dashboard.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.matriculas.dashboard.store.Filter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before a handler that takes a {@link Filter} runs, a query it would misread: a name that is neither a
 * filter nor another parameter the handler declares with {@link RequestParam} (a typo would show everything as if
 * it were the subset asked for), and a parameter given twice (which value?). Spring's binding ignores both.
 */
class StrictQueryParameters implements HandlerInterceptor {

    private static final int LONGEST_NAME_SHOWN = 40;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && takesFilter(method)) {
            Set<String> known = knownNames(method);
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                String name = parameter.getKey();
                if (!known.contains(name)) {
                    throw new BadQueryException("unknown parameter '" + shown(name) + "': the filters are "
                            + String.join(", ", Filter.FIELDS));
                }
                if (parameter.getValue().length > 1) {
                    throw new BadQueryException(name + " is given " + parameter.getValue().length + " times: give it once");
                }
            }
        }
        return true;
    }

    private static boolean takesFilter(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(parameter -> parameter.getParameterType() == Filter.class);
    }

    /** The filters, and the handler's other query parameters, such as the page's {@code lang}. */
    private static Set<String> knownNames(HandlerMethod method) {
        return Stream.concat(Filter.FIELDS.stream(), Arrays.stream(method.getMethod().getParameters())
                        // Merged, so that @RequestParam("lang") names it as @RequestParam(name = "lang") does.
                        .map(declared -> AnnotatedElementUtils.findMergedAnnotation(declared, RequestParam.class))
                        .filter(Objects::nonNull)
                        .map(RequestParam::name))
                .collect(Collectors.toSet());
    }

    private static String shown(String name) {
        return name.codePointCount(0, name.length()) <= LONGEST_NAME_SHOWN ? name
                : name.substring(0, name.offsetByCodePoints(0, LONGEST_NAME_SHOWN)) + "…";
    }
}
