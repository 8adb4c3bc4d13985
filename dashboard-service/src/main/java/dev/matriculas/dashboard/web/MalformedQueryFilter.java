package dev.matriculas.dashboard.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a query whose %-escapes are malformed ({@code %ZZ}) or not UTF-8 ({@code %FF}) with a 400 that says so. Tomcat
 * throws on the first read of such a query's parameters, wherever that is (the language switch, a filter),
 * and the request would otherwise fail as a server error, logged with its stack trace, and say nothing.
 */
@Component
// After Spring Boot's character encoding filter and the security headers, before anything reads a parameter.
@Order(SecurityHeaders.ORDER + 1)
class MalformedQueryFilter extends OncePerRequestFilter {

    static final String MESSAGE = "the query's %-escapes are malformed or not UTF-8";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
