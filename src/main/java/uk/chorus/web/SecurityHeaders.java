package uk.chorus.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every response. Pages run no inline script and load nothing from other origins.
 * Referrer-Policy is same-origin because survey URLs carry a resume code: it never leaves this
 * site. (no-referrer would make browsers send "Origin: null" with forms, which is refused.) Respondent pages are
 * never stored by a browser or proxy, since they can show a family's answers on a shared device.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        apply(response);
    }

    /** Also called by filters that answer before this one is reached. */
    public static void apply(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        response.header("X-Frame-Options", "DENY");
        if (!response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
