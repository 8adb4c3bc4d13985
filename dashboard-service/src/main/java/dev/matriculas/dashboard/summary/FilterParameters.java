package dev.matriculas.dashboard.summary;

import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.matriculas.dashboard.enrollments.Filter;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads a {@link Filter} from the query, strictly: a name that is neither a filter nor another parameter the
 * handler declares with {@link RequestParam} (a typo would show everything as if it were the subset asked for),
 * and a filter given twice (which value?), are refused with an {@link IllegalArgumentException} that says which,
 * answered 400 by the controllers.
 */
@Component
class FilterParameters implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private static final int LONGEST_NAME_SHOWN = 40;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Filter.class;
    }

    @Override
    public Filter resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Map<String, String[]> parameters = request.getParameterMap();
        Set<String> declared = declaredNames(parameter.getExecutable());
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (!Filter.FIELDS.contains(name) && !declared.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + shown(name) + "': the filters are "
                        + String.join(", ", Filter.FIELDS));
            }
            if (entry.getValue().length > 1) {
                throw new IllegalArgumentException(name + " is given " + entry.getValue().length + " times: give it once");
            }
        }
        return new Filter(value(parameters, "course"), value(parameters, "shift"), value(parameters, "payment"),
                value(parameters, "sex"));
    }

    private static String value(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    /** Names of the handler's other query parameters, such as the page's {@code lang}. */
    private static Set<String> declaredNames(Executable handler) {
        return Arrays.stream(handler.getParameters())
                // Merged, so that @RequestParam("lang") names it as @RequestParam(name = "lang") does.
                .map(declared -> AnnotatedElementUtils.findMergedAnnotation(declared, RequestParam.class))
                .filter(Objects::nonNull)
                .map(RequestParam::name)
                .collect(Collectors.toSet());
    }

    private static String shown(String name) {
        return name.codePointCount(0, name.length()) <= LONGEST_NAME_SHOWN ? name
                : name.substring(0, name.offsetByCodePoints(0, LONGEST_NAME_SHOWN)) + "…";
    }
}
