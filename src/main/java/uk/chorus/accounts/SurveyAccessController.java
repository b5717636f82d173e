package uk.chorus.accounts;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.SurveyAudiences;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.FormErrors;
import uk.chorus.web.FormFailure;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
    private static final String FORUM_NAMES = "|parent-carer-forum|youth-forum";
    /** Audience's file names: parents' and carers', young people's, professionals' surveys. */
    private static final String AUDIENCES = "parents-carers|young-people|professionals";
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

    @Introspected
    record AccessChange(@NotBlank(message = "{accounts.access.error.survey}") String survey,
                        @Pattern(regexp = AUDIENCES, message = "{accounts.access.error.audience}") String audience,
                        @Pattern(regexp = FORUM_NAMES, message = "{accounts.access.error.forum}") String forum,
                        // One constraint for empty and too long, so the sentence can name the limit.
                        @Size(min = 1, max = LONGEST_REASON, message = "{accounts.access.error.reason}") String reason) {
        AccessChange {
            reason = reason.strip();
        }
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> change(@Valid @StaffForm AccessChange form, Authentication authentication) {
        if (audiences.kept(form.survey()).isEmpty()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY,
                    FormErrors.of("survey", messages.get("accounts.access.error.survey")), form);
        }
        audiences.change(form.survey(), Audience.fromFileName(form.audience()).orElseThrow(),
                form.forum().isEmpty() ? null : form.forum(), Staff.of(authentication).email(), form.reason());
        return Pages.seeOther("/staff/accounts/survey-access");
    }

    @Error(exception = ConstraintViolationException.class)
    MutableHttpResponse<?> invalid(HttpRequest<?> request, Authentication authentication, ConstraintViolationException e) {
        FormFailure failure = FormFailure.of(request, e, messages);
        return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, failure.errors(), (AccessChange) failure.form());
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, FormErrors errors,
                                          AccessChange typed) {
        return render(authentication, status, errors, typed.survey(), typed.audience(), typed.reason());
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, FormErrors errors,
                                          String surveyId, String audienceName, String reason) {
        List<Row> rows = audiences.all().stream().map(kept -> new Row(kept.surveyId(),
                catalogue.find(kept.surveyId()).map(s -> s.definition().title()).orElse(kept.surveyId()),
                messages.get("accounts.access.audience." + kept.audience().fileName()),
                messages.get(kept.forum() == null ? "codesign.settings.forum.none" : "codesign.forum." + kept.forum()),
                kept.setBy(),
                kept.reason() == null ? "" : kept.reason(), uk.chorus.web.Dates.longForm(kept.setAt()))).toList();
        List<AccountsPage.Choice> surveys = rows.stream()
                .map(r -> new AccountsPage.Choice(r.surveyId(), r.title(), r.surveyId().equals(surveyId))).toList();
        List<AccountsPage.Choice> choices = Arrays.stream(Audience.values())
                .map(a -> new AccountsPage.Choice(a.fileName(),
                        messages.get("accounts.access.audience." + a.fileName()), a.fileName().equals(audienceName)))
                .toList();
        List<AccountsPage.Choice> forums = FORUMS.stream().map(f -> new AccountsPage.Choice(f,
                messages.get(f.isEmpty() ? "codesign.settings.forum.none" : "codesign.forum." + f), false)).toList();
        Map<String, Object> model = errors.addTo(Pages.model("titleKey", "accounts.access.title",
                "staff", Staff.of(authentication), "rows", rows, "surveys", surveys, "audiences", choices,
                "forums", forums, "reason", reason));
        return Pages.render(status, "accounts/survey-access", model);
    }
}
