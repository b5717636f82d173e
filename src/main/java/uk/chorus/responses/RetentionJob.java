package uk.chorus.responses;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.accounts.AuditLog;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;

/**
 * Deletes raw responses and drafts once a survey's retention period after closing has passed
 * (retentionMonths in its file, 24 by default). Runs every few hours on every instance; deleting
 * what is already gone does nothing, so instances need not coordinate.
 */
@Singleton
class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private final SurveyCatalogue catalogue;
    private final StaffResponses responses;
    private final AuditLog audit;

    RetentionJob(SurveyCatalogue catalogue, StaffResponses responses, AuditLog audit) {
        this.catalogue = catalogue;
        this.responses = responses;
        this.audit = audit;
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "5m")
    void run() {
        runNow();
    }

    /** Returns how many responses were deleted. */
    long runNow() {
        long deleted = 0;
        for (LiveSurvey survey : catalogue.all()) {
            if (catalogue.today().isAfter(survey.definition().deleteRawAnswersAfter())) {
                long gone = responses.eraseSurvey(survey.id());
                if (gone > 0) {
                    audit.record("system", "retention deletion", survey.id(), gone + " responses past "
                            + survey.definition().deleteRawAnswersAfter());
                    LOG.info("Deleted {} responses to {}: its retention period ended on {}", gone, survey.id(),
                            survey.definition().deleteRawAnswersAfter());
                }
                deleted += gone;
            }
        }
        return deleted;
    }
}
