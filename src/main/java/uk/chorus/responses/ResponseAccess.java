package uk.chorus.responses;

import jakarta.inject.Singleton;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.SurveyLeads;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.LiveSurvey;

/**
 * Who may see single responses: co-production leads; for a young people's survey, only the leads
 * assigned to it. Administrators run accounts, not surveys, and see no answers, except what a
 * data-protection request makes them export.
 */
@Singleton
class ResponseAccess {
    private final SurveyLeads leads;

    ResponseAccess(SurveyLeads leads) {
        this.leads = leads;
    }

    boolean canSeeAnswers(Staff staff, LiveSurvey survey) {
        if (!staff.is(Role.LEAD)) {
            return false;
        }
        return survey.definition().audience() != Audience.YOUNG_PEOPLE || leads.isAssigned(survey.id(),
                staff.accountId());
    }

    /** Subject access exports: administrators (who handle such requests) and leads who may see the answers. */
    boolean canExport(Staff staff, LiveSurvey survey) {
        return staff.is(Role.ADMIN) || canSeeAnswers(staff, survey);
    }
}
