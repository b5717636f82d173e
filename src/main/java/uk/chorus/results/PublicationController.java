package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Optional;

/**
 * A lead publishes a survey's results to forum members and viewers, and optionally to a public
 * page, or withdraws them. Publishing takes a snapshot of the wave's figures under the one
 * disclosure model, attacks it (DisclosureAudit), and is refused, listing the figures at fault,
 * while any withheld figure could be narrowed. The same audit runs on demand. Both are recorded
 * in the audit log. Both run in the background (DisclosureChecks): a small wave is answered at
 * once, a large one hands over to a progress page that refreshes itself until the check ends.
 * Where the forum must agree the results first, publishing goes through ResultsAgreementController.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/surveys/{surveyId}/publish", produces = MediaType.TEXT_HTML)
class PublicationController {
    private final Publications publications;
    private final DisclosureChecks checks;
    private final CheckingPages checkingPages;
    private final PublishPage page;
    private final ResultsSignOff signOff;

    PublicationController(Publications publications, DisclosureChecks checks, CheckingPages checkingPages,
                          PublishPage page, ResultsSignOff signOff) {
        this.publications = publications;
        this.checks = checks;
        this.checkingPages = checkingPages;
        this.page = page;
        this.signOff = signOff;
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String surveyId, @Nullable @QueryValue String done,
                                @Nullable @QueryValue String audit, @Nullable @QueryValue List<String> options) {
        Optional<LiveSurvey> survey = page.leadsSurvey(authentication, surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        PublishPage.Audit checked = null;
        boolean chosen = options != null && !options.isEmpty();
        if ("yes".equals(audit)) {
            DisclosureChecks.Check check = checks.start(surveyId, DisclosureChecks.Purpose.AUDIT, false,
                    chosen && options.contains("round"), null, -1);
            Optional<PublishedFigures.Result> result = checks.await(check, checks.patience());
            if (result.isEmpty()) {
                return Pages.seeOther(CheckingPages.progressUrl(check));
            }
            checked = page.audit(result.get());
        }
        return page.render(HttpStatus.OK, authentication, survey.get(), done, checked,
                chosen ? options.contains("public") : null, chosen ? options.contains("round") : null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        return start(request, authentication, surveyId, DisclosureChecks.Purpose.PUBLISH);
    }

    /** Sends the figures, decided and audited now, to the forum to agree; publishes nothing. */
    @Post(uri = "/send", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> send(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        return start(request, authentication, surveyId, DisclosureChecks.Purpose.SEND_TO_AGREE);
    }

    private MutableHttpResponse<?> start(HttpRequest<byte[]> request, Authentication authentication, String surveyId,
                                         DisclosureChecks.Purpose purpose) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<LiveSurvey> survey = page.leadsSurvey(authentication, surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        boolean agreeFirst = signOff.required(survey.get().definition());
        if (agreeFirst != (purpose == DisclosureChecks.Purpose.SEND_TO_AGREE)) {
            return page.problem(HttpStatus.CONFLICT, authentication, survey.get(),
                    agreeFirst ? "publish.agree.needed" : "publish.agree.not.asked");
        }
        List<String> options = form.get().getOrDefault("options", List.of());
        // The audit runs on what would be published; a publication it finds a leak in is refused.
        DisclosureChecks.Check check = checks.start(surveyId, purpose, options.contains("public"),
                options.contains("round"), Staff.of(authentication).email(),
                PublishPage.newestShown(StaffForms.first(form.get(), "over")));
        Optional<PublishedFigures.Result> result = checks.await(check, checks.patience());
        if (result.isEmpty()) {
            return Pages.seeOther(CheckingPages.progressUrl(check));
        }
        return page.outcome(authentication, survey.get(), check, result.get());
    }

    /** The progress of a check that did not finish within the request, and its outcome once it has. */
    @Get("/checks/{checkId}")
    MutableHttpResponse<?> progress(Authentication authentication, String surveyId, String checkId) {
        Optional<LiveSurvey> survey = page.leadsSurvey(authentication, surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        Optional<DisclosureChecks.Check> check = checks.find(checkId).filter(c -> c.surveyId.equals(surveyId));
        if (check.isEmpty()) {
            return checkingPages.render(authentication, survey.get(), null, null);
        }
        Optional<PublishedFigures.Result> result = check.get().result();
        if (result.isPresent()) {
            return page.outcome(authentication, survey.get(), check.get(), result.get());
        }
        if (check.get().failed()) {
            return page.problem(HttpStatus.OK, authentication, survey.get(), "publish.check.failed");
        }
        return checkingPages.render(authentication, survey.get(), check.get(), CheckingPages.progressUrl(check.get()));
    }

    @Post(uri = "/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        if (page.leadsSurvey(authentication, surveyId).isEmpty()) {
            return Pages.notFound();
        }
        publications.withdraw(surveyId, Staff.of(authentication).email());
        return Pages.seeOther("/staff/surveys/" + surveyId + "/publish?done=withdrawn");
    }
}
