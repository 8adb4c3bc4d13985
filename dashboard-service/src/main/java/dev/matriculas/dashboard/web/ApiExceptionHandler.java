package dev.matriculas.dashboard.web;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a query the dashboard cannot take with a 400 that says which parameter and why: a ProblemDetail from the
 * API, the error page from the page. Anything else that goes wrong is a server error, never echoed as a 400.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler(BadQueryException.class)
    Object badQuery(BadQueryException e, HandlerMethod handler) {
        return badRequest(e.getMessage(), handler);
    }

    /** A filter value the contract's limits rule out, such as one too long for any record to hold. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object invalidFilter(MethodArgumentNotValidException e, HandlerMethod handler) {
        FieldError error = e.getBindingResult().getFieldError();
        return badRequest(error == null ? e.getMessage() : error.getField() + " " + error.getDefaultMessage(), handler);
    }

    private static Object badRequest(String message, HandlerMethod handler) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
            return ProblemDetail.forStatusAndDetail(status, message);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
