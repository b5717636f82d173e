package uk.chorus.dataprotection;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.audit.AuditLog;
import uk.chorus.feedback.FeedbackRetention;
import uk.chorus.pledges.PledgeRetention;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.results.WaveSnapshots;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyVersions;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Deletes raw responses and drafts once a survey's retention period after closing has passed
 * (retentionMonths, 24 by default), feedback past its channel's retention, and pledge contacts past
 * theirs (PledgeRetention). It visits every survey PostgreSQL holds, whether or not its
 * file is still there. Before deleting, the wave's results are kept as a stored snapshot, so
 * next year's comparison still has its baseline. Runs every few hours on every instance;
 * deleting what is already gone does nothing, so instances need not coordinate.
 */
@Singleton
public class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private final SurveyVersions versions;
    private final ResponseRecords responses;
    private final WaveSnapshots snapshots;
    private final AuditLog audit;
    private final Clock clock;
    private final FeedbackRetention feedback;
    private final PledgeRetention pledges;

    private final int auditMonths;

    RetentionJob(SurveyVersions versions, ResponseRecords responses, WaveSnapshots snapshots, AuditLog audit,
                 Clock clock, FeedbackRetention feedback, PledgeRetention pledges,
                 @io.micronaut.context.annotation.Value("${chorus.audit.months:24}") int auditMonths) {
        this.auditMonths = Math.max(12, auditMonths);
        this.versions = versions;
        this.responses = responses;
        this.snapshots = snapshots;
        this.audit = audit;
        this.clock = clock;
        this.feedback = feedback;
        this.pledges = pledges;
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "5m")
    void run() {
        runNow();
    }

    /** Returns how many responses were deleted. */
    public long runNow() {
        long deleted = 0;
        LocalDate today = LocalDate.now(clock);
        int feedbackGone = feedback.expire(today);
        if (feedbackGone > 0) {
            audit.record("system", "retention deletion", "feedback", feedbackGone + " items past their channel's retention");
            LOG.info("Deleted {} feedback items past their channel's retention period", feedbackGone);
        }
        int contactsGone = pledges.clearContacts(today);
        if (contactsGone > 0) {
            audit.record("system", "retention deletion", "pledges", contactsGone + " organisations' contact details");
            LOG.info("Cleared the contact details of {} pledge organisations past their retention", contactsGone);
        }
        int auditGone = audit.purgeOlderThan((int) java.time.temporal.ChronoUnit.DAYS.between(
                today.minusMonths(auditMonths), today));
        if (auditGone > 0) {
            audit.record("system", "retention deletion", "audit log", auditGone + " entries older than " + auditMonths
                    + " months");
            LOG.info("Deleted {} audit log entries older than {} months", auditGone, auditMonths);
        }
        for (LiveSurvey survey : versions.newestOfEach()) {
            LocalDate after = survey.definition().deleteRawAnswersAfter();
            if (today.isAfter(after) && responses.holdsAnything(survey.id())) {
                snapshots.keep(survey.id());
                deleted += expire(survey.id(), after);
            }
        }
        return deleted;
    }

    @Transactional
    long expire(String surveyId, LocalDate after) {
        audit.record("system", "retention deletion", surveyId, "raw answers past " + after);
        long gone = responses.eraseSurvey(surveyId);
        LOG.info("Deleted {} responses to {}: its retention period ended on {}", gone, surveyId, after);
        return gone;
    }
}
