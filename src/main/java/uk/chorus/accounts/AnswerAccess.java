package uk.chorus.accounts;

import jakarta.inject.Singleton;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.SurveyAudiences;
import uk.chorus.surveys.SurveyDefinition;

/**
 * Who may read what individual people wrote: co-production leads; for a young people's survey,
 * only the leads assigned to it. Administrators run accounts, not surveys, and see no answers,
 * except what a data-protection request makes them export. Whether a survey is a young people's
 * is decided by the audience kept when it was first served ({@link SurveyAudiences}), never by the
 * wording in hand, so no file, design or edit can open its answers to more people.
 */
@Singleton
public class AnswerAccess {
    private final SurveyLeads leads;
    private final SurveyAudiences audiences;

    AnswerAccess(SurveyLeads leads, SurveyAudiences audiences) {
        this.leads = leads;
        this.audiences = audiences;
    }

    public boolean canSeeAnswers(Staff staff, SurveyDefinition survey) {
        if (!staff.is(Role.LEAD)) {
            return false;
        }
        return audiences.guarding(survey.id(), survey.audience()) != Audience.YOUNG_PEOPLE
                || leads.isAssigned(survey.id(), staff.accountId());
    }

    /** Data-protection requests (export and erasure): administrators, and leads who may see the answers. */
    public boolean canHandleRequestsFor(Staff staff, SurveyDefinition survey) {
        return staff.is(Role.ADMIN) || canSeeAnswers(staff, survey);
    }
}
