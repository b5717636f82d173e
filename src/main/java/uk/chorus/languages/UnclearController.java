package uk.chorus.languages;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.AnswerAccess;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.responses.UnclearCounts;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Pages;

import java.util.Optional;

/**
 * Which questions respondents said they did not understand, per question, by the language and
 * reading level they read it in. Counts come from sent responses, so only leads who may read the
 * survey's answers see them (for a young people's survey, the leads assigned to it); everyone else
 * gets the same "Page not found" as for a survey that does not exist.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/languages/{surveyId}/unclear", produces = MediaType.TEXT_HTML)
class UnclearController {
    private final SurveyCatalogue catalogue;
    private final AnswerAccess access;
    private final UnclearCounts counts;

    UnclearController(SurveyCatalogue catalogue, AnswerAccess access, UnclearCounts counts) {
        this.catalogue = catalogue;
        this.access = access;
        this.counts = counts;
    }

    @Get
    MutableHttpResponse<?> page(Authentication authentication, String surveyId) {
        Staff staff = Staff.of(authentication);
        Optional<LiveSurvey> live = catalogue.find(surveyId).filter(s -> access.canSeeAnswers(staff, s.definition()));
        if (live.isEmpty()) {
            return Pages.notFound();
        }
        UnclearTable table = UnclearTable.of(live.get().definition(), counts.of(surveyId),
                counts.responsesByLanguage(surveyId));
        return Pages.render("languages/unclear", Pages.model("titleKey", "languages.unclear.title", "staff", staff,
                "surveyId", surveyId, "surveyTitle", live.get().definition().title(), "table", table,
                "backUrl", "/staff/languages/" + surveyId));
    }
}
