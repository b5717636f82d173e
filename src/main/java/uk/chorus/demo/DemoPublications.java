package uk.chorus.demo;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.results.PublishedFigures;

import java.util.List;
import java.util.Random;

/**
 * Last year's closed waves published on the staff and public pages, through the same publication a
 * lead makes (so the disclosure audit runs): forum members, viewers and the public see results
 * from the first start, not only the lead.
 */
@Singleton
class DemoPublications implements DemoPart {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPublications.class);
    private static final List<String> LAST_YEAR = List.of("family-voice-2025", "big-bang-2025");
    private final PublishedFigures figures;

    DemoPublications(PublishedFigures figures) {
        this.figures = figures;
    }

    @Override
    public void load(Random random) {
        for (String survey : LAST_YEAR) {
            if (figures.publishOnPublicPage(survey, "lead@demo.example") == 0) {
                LOG.warn("The demo could not publish {}: its disclosure audit refused it.", survey);
            }
        }
    }

    @Override
    public int order() {
        // Before the report (100), which may quote the published figures.
        return 90;
    }
}
