package uk.chorus.results;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.AnswerAccess;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;

import java.util.Optional;

/**
 * Single responses, for the leads allowed to read them; every view is audited. A lead who may not
 * read a response gets the same "not found" as for a reference that does not exist, so the page
 * never says which references are real.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff", produces = MediaType.TEXT_HTML)
class ResponsesController {
    private final SurveyCatalogue catalogue;
    private final ResponseRecords records;
    private final AnswerAccess access;
    private final AuditLog audit;

    ResponsesController(SurveyCatalogue catalogue, ResponseRecords records, AnswerAccess access, AuditLog audit) {
        this.catalogue = catalogue;
        this.records = records;
        this.access = access;
        this.audit = audit;
    }

    public record Row(String reference, String submitted, String channel) {
    }

    @Get("/surveys/{surveyId}/responses")
    MutableHttpResponse<?> list(Authentication authentication, String surveyId) {
        Staff staff = Staff.of(authentication);
        Optional<LiveSurvey> survey = catalogue.find(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        if (!access.canSeeAnswers(staff, survey.get().definition())) {
            return Pages.error(HttpStatus.FORBIDDEN, "responses.forbidden.title", "responses.forbidden.body");
        }
        var rows = records.list(surveyId).stream()
                .map(r -> new Row(r.reference(), Dates.dateTime(r.submittedAt()), r.channel())).toList();
        return Pages.render("results/responses", Pages.model("titleKey", "responses.list.title", "staff", staff,
                "surveyTitle", survey.get().definition().title(), "surveyId", surveyId, "responses", rows,
                "backUrl", "/staff"));
    }

    @Get("/responses/{reference}")
    MutableHttpResponse<?> show(Authentication authentication, String reference) {
        Staff staff = Staff.of(authentication);
        Optional<ResponseRecords.Held> held = records.byReference(reference);
        if (held.isEmpty()) {
            return Pages.notFound();
        }
        var definition = records.definitionOf(held.get());
        if (!access.canSeeAnswers(staff, definition)) {
            audit.record(staff.email(), "response view refused", reference, held.get().surveyId());
            return Pages.notFound();
        }
        audit.record(staff.email(), "response viewed", reference, held.get().surveyId());
        return Pages.render("results/response", Pages.model("titleKey", "responses.one.title", "staff", staff,
                "surveyTitle", definition.title(), "reference", reference,
                "submitted", Dates.dateTime(held.get().submittedAt()),
                "answers", records.answersBesideQuestions(held.get())));
    }
}
