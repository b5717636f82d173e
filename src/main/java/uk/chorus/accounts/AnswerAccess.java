package uk.chorus.accounts;

import jakarta.inject.Singleton;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.SurveyDefinition;

/**
 * Who may read what individual people wrote: co-production leads; for a young people's survey,
 * only the leads assigned to it. Administrators run accounts, not surveys, and see no answers,
 * except what a data-protection request makes them export. Decided from the stored definition,
 * so it holds for a survey whose file has since been removed.
 */
@Singleton
public class AnswerAccess {
    private final SurveyLeads leads;

    AnswerAccess(SurveyLeads leads) {
        this.leads = leads;
    }

    public boolean canSeeAnswers(Staff staff, SurveyDefinition survey) {
        if (!staff.is(Role.LEAD)) {
            return false;
        }
        return survey.audience() != Audience.YOUNG_PEOPLE || leads.isAssigned(survey.id(), staff.accountId());
    }

    /** Data-protection requests (export and erasure): administrators, and leads who may see the answers. */
    public boolean canHandleRequestsFor(Staff staff, SurveyDefinition survey) {
        return staff.is(Role.ADMIN) || canSeeAnswers(staff, survey);
    }
}
