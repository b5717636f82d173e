package uk.chorus;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import uk.chorus.web.SiteConfiguration;

import java.time.Clock;
import java.time.ZoneId;

/** One clock for the service, in the local area's time zone: surveys open and close by local dates. */
@Factory
class TimeFactory {
    @Singleton
    Clock clock(SiteConfiguration site) {
        return Clock.system(ZoneId.of(site.getTimeZone()));
    }
}
