package uk.chorus.responses;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.accounts.AuditLog;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.ApiError;

import java.util.List;

/** Staff API: one response as JSON, for leads allowed to read it, with a bearer token. Audited. */
@Controller(value = "/api/v1/staff", produces = MediaType.APPLICATION_JSON)
class StaffResponseApiController {
    private final StaffResponses held;
    private final StaffResponsesController views;
    private final SurveyCatalogue catalogue;
    private final ResponseAccess access;
    private final AuditLog audit;

    StaffResponseApiController(StaffResponses held, StaffResponsesController views, SurveyCatalogue catalogue,
                               ResponseAccess access, AuditLog audit) {
        this.held = held;
        this.views = views;
        this.catalogue = catalogue;
        this.access = access;
        this.audit = audit;
    }

    @Serdeable
    record Response(String reference, String surveyId, List<StaffResponsesController.Answer> answers) {
    }

    @Secured(Role.LEAD_NAME)
    @Get("/responses/{reference}")
    HttpResponse<?> show(Authentication authentication, String reference) {
        Staff staff = Staff.of(authentication);
        var found = held.byReference(reference);
        var survey = found.flatMap(h -> catalogue.find(h.surveyId()));
        if (found.isEmpty() || survey.isEmpty()) {
            return HttpResponse.notFound(ApiError.of("There is no response with that reference."));
        }
        if (!access.canSeeAnswers(staff, survey.get())) {
            audit.record(staff.email(), "response view refused", reference, found.get().surveyId());
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN)
                    .body(ApiError.of("Only leads assigned to this survey can read its answers."));
        }
        audit.record(staff.email(), "response viewed", reference, found.get().surveyId() + " (API)");
        return HttpResponse.ok(new Response(reference, found.get().surveyId(), views.answers(found.get())));
    }
}
