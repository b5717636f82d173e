package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.SurveyAudiences;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Administrators: the audience each survey's answers are guarded as. A young people's survey's
 * answers are read only by its assigned leads; changing that is done here alone, with a reason
 * that the audit log keeps, never by a survey file or a design.
 */
@Secured(Role.ADMIN_NAME)
@Controller(value = "/staff/accounts/survey-access", produces = MediaType.TEXT_HTML)
class SurveyAccessController {
    private static final int LONGEST_REASON = 2000;
    /** No forum (a staff team's survey), or one of the two forums. */
    private static final List<String> FORUMS = List.of("", "parent-carer-forum", "youth-forum");
    private final SurveyAudiences audiences;
    private final SurveyCatalogue catalogue;
    private final Messages messages;

    SurveyAccessController(SurveyAudiences audiences, SurveyCatalogue catalogue, Messages messages) {
        this.audiences = audiences;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    public record Row(String surveyId, String title, String audience, String forum, String setBy, String reason,
                      String setAt) {
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication) {
        return render(authentication, HttpStatus.OK, FormErrors.none(), "", "", "");
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> change(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        String surveyId = StaffForms.first(form.get(), "survey");
        String audienceName = StaffForms.first(form.get(), "audience");
        String reason = StaffForms.first(form.get(), "reason").strip();
        String forum = StaffForms.first(form.get(), "forum");
        Optional<Audience> audience = Audience.fromFileName(audienceName);
        FormErrors errors = FormErrors.none();
        if (audiences.kept(surveyId).isEmpty()) {
            errors.add("survey", messages.get("accounts.access.error.survey"));
        }
        if (audience.isEmpty()) {
            errors.add("audience", messages.get("accounts.access.error.audience"));
        }
        if (!FORUMS.contains(forum)) {
            errors.add("forum", messages.get("accounts.access.error.forum"));
        }
        if (reason.isEmpty() || reason.length() > LONGEST_REASON) {
            errors.add("reason", messages.get("accounts.access.error.reason", LONGEST_REASON));
        }
        if (errors.any()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, errors, surveyId, audienceName, reason);
        }
        audiences.change(surveyId, audience.get(), forum.isEmpty() ? null : forum, Staff.of(authentication).email(),
                reason);
        return Pages.seeOther("/staff/accounts/survey-access");
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, FormErrors errors,
                                          String surveyId, String audienceName, String reason) {
        List<Row> rows = audiences.all().stream().map(kept -> new Row(kept.surveyId(),
                catalogue.find(kept.surveyId()).map(s -> s.definition().title()).orElse(kept.surveyId()),
                messages.get("accounts.access.audience." + kept.audience().fileName()),
                messages.get(kept.forum() == null ? "codesign.settings.forum.none" : "codesign.forum." + kept.forum()),
                kept.setBy(),
                kept.reason() == null ? "" : kept.reason(), uk.chorus.web.Dates.longForm(kept.setAt()))).toList();
        List<AccountsController.Choice> surveys = rows.stream()
                .map(r -> new AccountsController.Choice(r.surveyId(), r.title(), r.surveyId().equals(surveyId))).toList();
        List<AccountsController.Choice> choices = Arrays.stream(Audience.values())
                .map(a -> new AccountsController.Choice(a.fileName(),
                        messages.get("accounts.access.audience." + a.fileName()), a.fileName().equals(audienceName)))
                .toList();
        List<AccountsController.Choice> forums = FORUMS.stream().map(f -> new AccountsController.Choice(f,
                messages.get(f.isEmpty() ? "codesign.settings.forum.none" : "codesign.forum." + f), false)).toList();
        Map<String, Object> model = errors.addTo(Pages.model("titleKey", "accounts.access.title",
                "staff", Staff.of(authentication), "rows", rows, "surveys", surveys, "audiences", choices,
                "forums", forums, "reason", reason));
        return Pages.render(status, "accounts/survey-access", model);
    }
}
