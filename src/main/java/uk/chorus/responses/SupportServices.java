package uk.chorus.responses;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a young person or parent can talk to now, shown after questions about mental health or
 * feeling safe (supportBox in a survey file). Set with CHORUS_SUPPORT_SERVICES as
 * "Name|phone|when;Name|phone|when"; by default Childline (under 19s) and Samaritans (anyone).
 */
@Singleton
class SupportServices {
    static final String DEFAULT = "Childline|0800 1111|Free, any time, if you are under 19. You can also chat online "
            + "at childline.org.uk.;Samaritans|116 123|Free, any time, for anyone of any age.";
    private final List<Service> services;

    SupportServices(@Value("${chorus.support.services:}") String configured) {
        this.services = parse(configured == null || configured.isBlank() ? DEFAULT : configured);
    }

    public record Service(String name, String phone, String when) {
        /** The number as a tel: link (digits and + only). */
        public String telephone() {
            return "tel:" + phone.replaceAll("[^0-9+]", "");
        }
    }

    List<Service> all() {
        return services;
    }

    static List<Service> parse(String text) {
        List<Service> parsed = new ArrayList<>();
        for (String entry : text.split(";")) {
            String[] parts = entry.split("\\|", -1);
            if (parts.length >= 2 && !parts[0].isBlank()) {
                parsed.add(new Service(parts[0].strip(), parts[1].strip(), parts.length > 2 ? parts[2].strip() : ""));
            }
        }
        return List.copyOf(parsed);
    }
}
