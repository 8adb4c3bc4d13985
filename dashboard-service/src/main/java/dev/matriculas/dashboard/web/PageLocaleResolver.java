package dev.matriculas.dashboard.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page's language: the one picked with the switch (remembered in a cookie), else the best match for the
 * browser's languages, else Portuguese, the data's language. Only languages the page speaks are ever resolved
 * or stored, whatever a cookie or a {@code ?lang=} says.
 */
final class PageLocaleResolver extends CookieLocaleResolver {

    static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");
    static final List<Locale> SUPPORTED = List.of(PORTUGUESE, Locale.ENGLISH);
    static final String COOKIE = "lang";

    PageLocaleResolver() {
        super(COOKIE);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setLanguageTagCompliant(true);
        // A forged or stale cookie is ignored rather than failing the page.
        setRejectInvalidCookies(false);
        AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
        browser.setSupportedLocales(SUPPORTED);
        browser.setDefaultLocale(PORTUGUESE);
        setDefaultLocaleFunction(browser::resolveLocale);
    }

    /** An unsupported cookie counts as no choice, so the browser's languages decide. */
    @Override
    protected Locale parseLocaleValue(String value) {
        return supported(super.parseLocaleValue(value));
    }

    /** An unsupported choice forgets the earlier one (the cookie is removed). */
    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        Locale locale = context == null ? null : supported(context.getLocale());
        super.setLocaleContext(request, response, locale == null ? null : new SimpleLocaleContext(locale));
    }

    /** The supported locale of the same language, or null. */
    static Locale supported(Locale requested) {
        if (requested == null) {
            return null;
        }
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(requested.getLanguage()))
                .findFirst()
                .orElse(null);
    }
}
