package uk.chorus.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every response. Pages run no inline script and load nothing from other origins.
 * Referrer-Policy is same-origin because survey URLs carry a resume code: it never leaves this
 * site. (no-referrer would make browsers send "Origin: null" with forms.) Pages are never stored
 * by a browser or proxy unless a page says otherwise, since they can show a family's answers on a
 * shared device. Over HTTPS, browsers are told to use HTTPS from then on (HSTS).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";
    /** The builder's phone-sized preview is the one page shown in a frame, and only in this site's own pages. */
    static final String FRAMED_PREVIEW_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'",
            "frame-ancestors 'self'");
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        apply(request, response);
    }

    /** Also called by filters that answer before this one is reached. */
    public static void apply(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean preview = isFramedPreview(request.getPath());
        response.header("Content-Security-Policy", preview ? FRAMED_PREVIEW_POLICY : CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        response.header("X-Frame-Options", preview ? "SAMEORIGIN" : "DENY");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (!response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
        if (ClientAddress.isHttps(request)) {
            response.header("Strict-Transport-Security", HSTS);
        }
    }

    private static boolean isFramedPreview(String path) {
        return path.startsWith("/staff/codesign/designs/") && path.contains("/preview/frame");
    }
}
