package uk.chorus.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says where the service is, once it is ready. */
@Singleton
class StartupBanner {
    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);
    private final String baseUrl;

    StartupBanner(@Value("${chorus.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @EventListener
    void started(ServerStartupEvent event) {
        int port = event.getSource().getPort();
        String address = baseUrl.isBlank() ? "http://localhost:" + port : baseUrl;
        LOG.info("Chorus is running at {} (listening on port {})", address, port);
    }
}
