package uk.chorus.responses;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.accounts.AuditLog;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The staff dashboard, and single responses for those allowed to read them (every view audited). */
@Controller(value = "/staff", produces = MediaType.TEXT_HTML)
class StaffResponsesController {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    private final SurveyCatalogue catalogue;
    private final Responses responses;
    private final StaffResponses staffResponses;
    private final SurveyVersions versions;
    private final ResponseAccess access;
    private final AuditLog audit;

    StaffResponsesController(SurveyCatalogue catalogue, Responses responses, StaffResponses staffResponses,
                             SurveyVersions versions, ResponseAccess access, AuditLog audit) {
        this.catalogue = catalogue;
        this.responses = responses;
        this.staffResponses = staffResponses;
        this.versions = versions;
        this.access = access;
        this.audit = audit;
    }

    // Not "partial": Handlebars reads {{partial}} as its partial helper.
    public record SurveyRow(String id, String title, String owner, String closes, long completeCount,
                            long partialCount, boolean canSeeAnswers) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Answer(String question, List<String> answer) {
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    MutableHttpResponse<?> dashboard(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        List<SurveyRow> rows = catalogue.all().stream().map(s -> {
            ResponseCounts counts = responses.count(s.id());
            String owner = s.definition().forum() == null ? "Co-production team"
                    : s.definition().forum().equals("youth-forum") ? "Youth forum" : "Parent carer forum";
            return new SurveyRow(s.id(), s.definition().title(), owner,
                    Dates.longForm(s.definition().closes()), counts.complete(), counts.partial(),
                    access.canSeeAnswers(staff, s));
        }).toList();
        return Pages.render("staff/dashboard", Pages.model("title", "Surveys", "staff", staff, "surveys", rows,
                "isAdmin", staff.is(Role.ADMIN), "canHandleRequests", staff.is(Role.ADMIN) || staff.is(Role.LEAD)));
    }

    @Secured(Role.LEAD_NAME)
    @Get("/surveys/{surveyId}/responses")
    MutableHttpResponse<?> list(Authentication authentication, String surveyId) {
        Staff staff = Staff.of(authentication);
        Optional<LiveSurvey> survey = catalogue.find(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        if (!access.canSeeAnswers(staff, survey.get())) {
            return forbidden();
        }
        var listed = staffResponses.list(surveyId).stream()
                .map(r -> new String[]{r.reference(), WHEN.format(r.submittedAt()), r.channel()}).toList();
        return Pages.render("staff/responses", Pages.model("title", survey.get().definition().title(), "staff", staff,
                "survey", survey.get().definition(), "responses", listed));
    }

    @Secured(Role.LEAD_NAME)
    @Get("/responses/{reference}")
    MutableHttpResponse<?> show(Authentication authentication, String reference) {
        Staff staff = Staff.of(authentication);
        Optional<StaffResponses.Held> held = staffResponses.byReference(reference);
        Optional<LiveSurvey> survey = held.flatMap(h -> catalogue.find(h.surveyId()));
        if (held.isEmpty() || survey.isEmpty()) {
            return Pages.notFound();
        }
        if (!access.canSeeAnswers(staff, survey.get())) {
            audit.record(staff.email(), "response view refused", reference, held.get().surveyId());
            return forbidden();
        }
        audit.record(staff.email(), "response viewed", reference, held.get().surveyId());
        return Pages.render("staff/response", Pages.model("title", "Response " + reference, "staff", staff,
                "survey", survey.get().definition(), "reference", reference,
                "submitted", WHEN.format(held.get().submittedAt()), "answers", answers(held.get())));
    }

    /** Each answer beside the exact wording of the version it answered. */
    List<Answer> answers(StaffResponses.Held held) {
        var definition = versions.definition(held.versionId()).orElseThrow();
        return definition.questionList().stream()
                .filter(q -> held.answers().containsKey(q.key()))
                .map(q -> new Answer(q.text(), CheckAnswersController.display(q, held.answers().get(q.key()))))
                .toList();
    }

    static MutableHttpResponse<?> forbidden() {
        return Pages.render(HttpStatus.FORBIDDEN, "errors/error", Pages.model("title", "You cannot see these answers",
                "body", "Only co-production leads assigned to this survey can read its answers."));
    }
}
