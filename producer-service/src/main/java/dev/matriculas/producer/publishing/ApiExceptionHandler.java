package dev.matriculas.producer.publishing;

import org.hibernate.validator.constraints.Range;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The control API's answers to requests it cannot follow: a parameter missing, not a whole number or outside its
 * {@link Range} gets 400 naming the parameter and its range, whichever of the three it is; a burst while the
 * producer stops gets 503. Any other exception is a fault of the service, answered 500 without its text.
 */
@RestControllerAdvice(assignableTypes = ProducerController.class)
class ApiExceptionHandler {

    @ExceptionHandler
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badParameter(e.getMethodParameter(), "and it is missing");
    }

    @ExceptionHandler
    ProblemDetail notAWholeNumber(MethodArgumentTypeMismatchException e) {
        String given = String.valueOf(e.getValue());
        return badParameter(e.getParameter(), "got '" + (given.length() <= 40 ? given : given.substring(0, 40) + "…") + "'");
    }

    @ExceptionHandler
    ProblemDetail outOfRange(HandlerMethodValidationException e) {
        ParameterValidationResult result = e.getParameterValidationResults().get(0);
        return badParameter(result.getMethodParameter(), "got " + result.getArgument());
    }

    @ExceptionHandler
    ProblemDetail notPublishing(NotPublishingException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private static ProblemDetail badParameter(MethodParameter parameter, String problem) {
        Range range = parameter.getParameterAnnotation(Range.class);
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter.getParameterName()
                + " must be a whole number from " + range.min() + " to " + range.max() + ", " + problem);
    }
}
