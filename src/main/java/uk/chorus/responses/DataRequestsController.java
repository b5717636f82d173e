package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.accounts.AuditLog;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Pages;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A respondent's data-protection requests, handled by staff with the reference or resume code the
 * respondent quotes: erasure (right to erasure) and an export of everything held (subject access).
 * Both are recorded in the audit log, by reference only.
 */
@Secured({Role.ADMIN_NAME, Role.LEAD_NAME})
@Controller(value = "/staff/requests", produces = MediaType.TEXT_HTML)
class DataRequestsController {
    private final StaffResponses held;
    private final StaffResponsesController views;
    private final SurveyCatalogue catalogue;
    private final ResponseAccess access;
    private final AuditLog audit;
    private final JsonMapper json;

    DataRequestsController(StaffResponses held, StaffResponsesController views, SurveyCatalogue catalogue,
                           ResponseAccess access, AuditLog audit, JsonMapper json) {
        this.held = held;
        this.views = views;
        this.catalogue = catalogue;
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    @Serdeable
    record Export(String survey, String reference, String resumeCode, String submitted,
                  List<StaffResponsesController.Answer> answers) {
    }

    @Get
    MutableHttpResponse<?> form(Authentication authentication) {
        return render(authentication, HttpStatus.OK, "", null, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> handle(Authentication authentication, @Nullable @Body byte[] body) {
        Staff staff = Staff.of(authentication);
        var form = StaffForms.read(authentication, body);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        String typed = StaffForms.first(form.get(), "code").strip().toUpperCase(java.util.Locale.ROOT);
        Optional<StaffResponses.Held> found = find(typed);
        if (found.isEmpty()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, typed,
                    "We hold nothing under that reference or resume code. Check it and try again", null);
        }
        StaffResponses.Held h = found.get();
        String subject = h.reference() != null ? h.reference() : h.resumeCode();
        if ("erase".equals(StaffForms.first(form.get(), "action"))) {
            boolean erased = h.reference() != null ? held.eraseByReference(h.reference())
                    : held.eraseByResumeCode(h.resumeCode());
            audit.record(staff.email(), "erasure", subject, h.surveyId());
            return render(authentication, HttpStatus.OK, "", null, erased
                    ? "Everything held under " + subject + " has been erased." : "Nothing was left to erase.");
        }
        var survey = catalogue.find(h.surveyId()).orElseThrow();
        if (!access.canExport(staff, survey)) {
            audit.record(staff.email(), "export refused", subject, h.surveyId());
            return StaffResponsesController.forbidden();
        }
        audit.record(staff.email(), "subject access export", subject, h.surveyId());
        Export export = new Export(survey.definition().title(), h.reference(), h.resumeCode(),
                h.submittedAt() == null ? "not sent" : StaffResponsesController.WHEN.format(h.submittedAt()),
                views.answers(h));
        try {
            return HttpResponse.ok(json.writeValueAsString(export))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"chorus-" + subject + ".json\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A reference is 8 characters, a resume code 12: either, with or without hyphens. */
    private Optional<StaffResponses.Held> find(String typed) {
        String bare = typed.replace("-", "").replace(" ", "");
        if (bare.length() == 8) {
            return held.byReference(bare.substring(0, 4) + "-" + bare.substring(4));
        }
        return Codes.readResumeCode(typed).flatMap(held::byResumeCode);
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, String code, String error,
                                          String done) {
        return Pages.render(status, "staff/requests", Pages.model("title", "Data protection requests",
                "staff", Staff.of(authentication), "code", code, "error", error, "done", done,
                "errors", error == null ? List.of() : List.of(Map.of("href", "#code", "text", error))));
    }
}
