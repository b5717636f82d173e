package uk.chorus.results;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.web.Pages;

import java.util.Optional;

/**
 * Where the forum must agree a wave's results first: a lead publishes exactly the figures the
 * forum agreed (no later submission changes them), and the published pages say who agreed and
 * when. Figures the forum has not agreed, or asked to change, cannot be published.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/surveys/{surveyId}/publish/agreed", produces = MediaType.TEXT_HTML)
class AgreedPublicationController {
    private final PublishPage page;
    private final ResultsSignOff signOff;
    private final PublishedFigures figures;

    AgreedPublicationController(PublishPage page, ResultsSignOff signOff, PublishedFigures figures) {
        this.page = page;
        this.signOff = signOff;
        this.figures = figures;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<LiveSurvey> survey = page.leadsSurvey(authentication, surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        if (!signOff.required(survey.get().definition())) {
            return page.problem(HttpStatus.CONFLICT, authentication, survey.get(), "publish.agree.not.asked");
        }
        Optional<ResultsSignOff.Standing> standing = signOff.standing(survey.get().definition())
                .filter(ResultsSignOff.Standing::agreed)
                .filter(s -> s.review().digest().equals(StaffForms.first(form.get(), "digest")));
        if (standing.isEmpty()) {
            return page.problem(HttpStatus.CONFLICT, authentication, survey.get(), "publish.agree.not.agreed");
        }
        figures.publishAgreed(standing.get().review(), Staff.of(authentication).email(),
                PublishPage.newestShown(StaffForms.first(form.get(), "over")),
                signOff.agreedWords(survey.get().definition(), standing.get().decision().orElseThrow()));
        return Pages.seeOther("/staff/surveys/" + surveyId + "/publish?done=published");
    }
}
