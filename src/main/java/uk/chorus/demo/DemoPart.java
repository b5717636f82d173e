package uk.chorus.demo;

import java.util.Random;

/**
 * One more part of the demo data (feedback, the pledge, a published report), loaded once after the
 * surveys and their responses, through its feature's public services.
 */
interface DemoPart {
    void load(Random random);

    /** Parts load in this order, lowest first (a report, built from the rest, comes last). */
    default int order() {
        return 0;
    }
}
