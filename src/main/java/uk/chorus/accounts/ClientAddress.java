package uk.chorus.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The address a request came from, for rate limits only (it is never stored with answers). Behind
 * a load balancer every request comes from the balancer, so with CHORUS_TRUST_PROXY=true the
 * client named in X-Forwarded-For is used instead; never trust it without a proxy that sets it.
 */
@Singleton
class ClientAddress {
    private final boolean trustProxy;

    ClientAddress(@Value("${chorus.trust-proxy:false}") boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    String of(HttpRequest<?> request) {
        if (trustProxy) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
