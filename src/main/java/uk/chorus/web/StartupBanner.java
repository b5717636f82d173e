package uk.chorus.web;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says where the service is, once it is ready, and what still looks like a placeholder. */
@Singleton
class StartupBanner {
    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);
    private final PublicAddress address;
    private final SiteConfiguration site;
    private final boolean demo;

    StartupBanner(PublicAddress address, SiteConfiguration site,
                  @io.micronaut.context.annotation.Value("${chorus.demo:false}") boolean demo) {
        this.address = address;
        this.site = site;
        this.demo = demo;
    }

    @EventListener
    void started(ServerStartupEvent event) {
        if (site.isPlaceholderAreaName() && !demo) {
            LOG.warn("Every page says \"{}\": set CHORUS_AREA_NAME to your local area's name (and CHORUS_CONTACT_EMAIL "
                    + "for the contact and privacy pages) before families see it.", SiteConfiguration.DEFAULT_AREA_NAME);
        }
        if (!site.hasContact()) {
            LOG.warn("No survey will open to families until they have a person to contact: set CHORUS_CONTACT_EMAIL "
                    + "or CHORUS_CONTACT_PHONE.");
        }
        LOG.info("Chorus is running at {} (listening on port {})", address.base(), event.getSource().getPort());
    }
}
