package dev.matriculas.dashboard.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.matriculas.dashboard.store.Filter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before a handler that takes a {@link Filter} runs, a query it would misread: a name that is neither a
 * filter nor, on the page, the language switch's (a typo would show everything as if it were the subset asked for),
 * and a parameter given twice (which value?). Spring's binding ignores both.
 */
class StrictQueryParameters implements HandlerInterceptor {

    private static final int LONGEST_NAME_SHOWN = 40;
    private static final Set<String> API_PARAMETERS = Set.copyOf(Filter.FIELDS);
    private static final Set<String> PAGE_PARAMETERS = Stream.concat(Filter.FIELDS.stream(),
            Stream.of(WebConfiguration.LANGUAGE_PARAMETER)).collect(Collectors.toUnmodifiableSet());

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

    /** The filters, and on a page (not the API) the language switch's {@code lang} ({@link WebConfiguration}). */
    private static Set<String> knownNames(HandlerMethod method) {
        boolean page = !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
        return page ? PAGE_PARAMETERS : API_PARAMETERS;
    }

    private static String shown(String name) {
        return name.codePointCount(0, name.length()) <= LONGEST_NAME_SHOWN ? name
                : name.substring(0, name.offsetByCodePoints(0, LONGEST_NAME_SHOWN)) + "…";
    }
}
