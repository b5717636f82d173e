package uk.chorus.web;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/**
 * The service's public address, for every absolute link it writes (invitations, signing links,
 * QR codes, emails): CHORUS_BASE_URL, or http://localhost:PORT when it is not set. Never the
 * request's Host header, which anyone can set to another site.
 */
@Singleton
public class PublicAddress {
    private final String configured;
    private final BeanProvider<EmbeddedServer> server;

    PublicAddress(@Value("${chorus.base-url:}") String configured, BeanProvider<EmbeddedServer> server) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        this.server = server;
    }

    public String base() {
        return configured.isEmpty() ? "http://localhost:" + server.get().getPort() : configured;
    }

    /** An absolute link to a path on this service. */
    public String link(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }
}
