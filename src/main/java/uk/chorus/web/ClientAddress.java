package uk.chorus.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The address a request came from, for rate limits only (it is never stored with answers). Behind
 * a load balancer every request comes from the balancer, so with CHORUS_TRUST_PROXY=true the
 * client named in X-Forwarded-For is used instead; never trust it without a proxy that sets it.
 */
@Singleton
public class ClientAddress {
    private final boolean trustProxy;

    ClientAddress(@Value("${chorus.trust-proxy:false}") boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public String of(HttpRequest<?> request) {
        if (trustProxy) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    /**
     * Whether the page was served over HTTPS, directly or (behind a proxy we trust, or any proxy
     * that says so) through X-Forwarded-Proto: cookies are then Secure and HSTS is sent.
     */
    public static boolean isHttps(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
