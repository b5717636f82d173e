package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Optional;

/**
 * A lead publishes a survey's results (suppressed) to forum members and viewers, and optionally
 * to a public page, or withdraws them. Both are recorded in the audit log.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/surveys/{surveyId}/publish", produces = MediaType.TEXT_HTML)
class PublicationController {
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final Publications publications;
    private final SmallestGroup smallestGroup;
    private final Messages messages;

    PublicationController(SurveyVersions versions, ResultsAccess access, Publications publications,
                          SmallestGroup smallestGroup, Messages messages) {
        this.versions = versions;
        this.access = access;
        this.publications = publications;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    public record Tick(String id, String value, String label, String itemHint, boolean checked) {
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String surveyId, @Nullable @QueryValue String done) {
        Optional<LiveSurvey> survey = leadsSurvey(authentication, surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        var publication = publications.of(surveyId).orElse(null);
        boolean onPublic = publication != null && publication.onPublicPage();
        boolean rounded = publication != null && publication.roundToFive();
        return Pages.render("results/publish", Pages.model(
                "title", messages.get("results.title.publish") + ": " + survey.get().definition().title(),
                "heading", messages.get("results.title.publish"), "staff", Staff.of(authentication),
                "surveyId", surveyId, "surveyTitle", survey.get().definition().title(), "tab", "publish", "lead", true,
                "notForPublication", false, "hideBanner", true, "query", "", "smallestGroup", smallestGroup.of(survey.get().definition()),
                "publication", publication,
                "publishedOn", publication == null ? null : Dates.dateTime(publication.publishedAt()),
                "done", done == null ? null : "withdrawn".equals(done) ? "publish.done.withdrawn" : "publish.done.published",
                "publicUrl", "/results/" + surveyId,
                "ticks", List.of(new Tick("public", "public", messages.get("publish.public"), messages.get("publish.public.hint"), onPublic),
                        new Tick("round", "round", messages.get("publish.round"), messages.get("publish.round.hint"), rounded)),
                "backUrl", "/staff/surveys/" + surveyId + "/results"));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        if (leadsSurvey(authentication, surveyId).isEmpty()) {
            return Pages.notFound();
        }
        List<String> options = form.get().getOrDefault("options", List.of());
        publications.publish(surveyId, options.contains("public"), options.contains("round"),
                Staff.of(authentication).email());
        return Pages.seeOther("/staff/surveys/" + surveyId + "/publish?done=published");
    }

    @Post(uri = "/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        if (leadsSurvey(authentication, surveyId).isEmpty()) {
            return Pages.notFound();
        }
        publications.withdraw(surveyId, Staff.of(authentication).email());
        return Pages.seeOther("/staff/surveys/" + surveyId + "/publish?done=withdrawn");
    }

    private Optional<LiveSurvey> leadsSurvey(Authentication authentication, String surveyId) {
        return versions.newest(surveyId)
                .filter(s -> access.of(Staff.of(authentication), s.definition()) == ResultsAccess.Sight.FULL);
    }
}
