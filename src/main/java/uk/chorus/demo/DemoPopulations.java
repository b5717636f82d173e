package uk.chorus.demo;

import jakarta.inject.Singleton;
import uk.chorus.results.Populations;

import java.util.Map;
import java.util.Random;

/**
 * Population sizes for the demo's parent/carer survey, as a lead would enter them from the school
 * census: families with an EHCP answer far more often than their share of the area, so "Who
 * answered" flags them and weighting has something to do.
 */
@Singleton
class DemoPopulations implements DemoPart {
    private final Populations populations;

    DemoPopulations(Populations populations) {
        this.populations = populations;
    }

    @Override
    public void load(Random random) {
        populations.replace("family-voice-2026", Map.of(
                "ehcp_status", Map.of("ehcp", 2_450, "sen-support", 6_900, "neither", 900),
                "school_phase", Map.of("early-years", 700, "primary", 4_100, "secondary", 3_600, "post-16", 1_500,
                        "not-in-education", 250, "home-educated", 300)), "demo");
    }
}
