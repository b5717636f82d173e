package uk.chorus.results;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.accounts.AnswerAccess;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.ApiError;
import uk.chorus.web.Messages;

import java.util.List;

/**
 * Staff APIs about responses: one response as JSON (leads allowed to read it, audited, and the
 * same 404 whether a reference is unknown or not theirs to read), and a survey's counts.
 */
@Controller(value = "/api/v1", produces = MediaType.APPLICATION_JSON)
class ResponseApiController {
    private final ResponseRecords records;
    private final SurveyCatalogue catalogue;
    private final AnswerAccess access;
    private final AuditLog audit;
    private final Messages messages;

    ResponseApiController(ResponseRecords records, SurveyCatalogue catalogue, AnswerAccess access, AuditLog audit,
                          Messages messages) {
        this.records = records;
        this.catalogue = catalogue;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    @Serdeable
    record Response(String reference, String surveyId, List<ResponseRecords.AnsweredQuestion> answers) {
    }

    @Secured(Role.LEAD_NAME)
    @Get("/staff/responses/{reference}")
    HttpResponse<?> show(Authentication authentication, String reference) {
        Staff staff = Staff.of(authentication);
        var found = records.byReference(reference);
        if (found.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.response.not.found")));
        }
        if (!access.canSeeAnswers(staff, records.definitionOf(found.get()))) {
            audit.record(staff.email(), "response view refused", reference, found.get().surveyId() + " (API)");
            return HttpResponse.notFound(ApiError.of(messages.get("api.response.not.found")));
        }
        audit.record(staff.email(), "response viewed", reference, found.get().surveyId() + " (API)");
        return HttpResponse.ok(new Response(reference, found.get().surveyId(),
                records.answersBesideQuestions(found.get())));
    }

    /**
     * Complete and partial response counts for signed-in staff: aggregates only, never answers.
     * Exact for those who may read the survey's answers, and for administrators (who handle every
     * data-protection request, so can see more than a count anyway); for everyone else rounded
     * down to tens, as on the dashboard, so that watching the count cannot tell when one family
     * submitted.
     */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/surveys/{surveyId}/counts")
    HttpResponse<?> counts(Authentication authentication, String surveyId) {
        var survey = catalogue.find(surveyId);
        if (survey.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.survey.not.found", surveyId)));
        }
        var counts = records.count(surveyId);
        if (access.canHandleRequestsFor(Staff.of(authentication), survey.get().definition())) {
            return HttpResponse.ok(counts);
        }
        return HttpResponse.ok(new uk.chorus.responses.ResponseCounts(surveyId, inTens(counts.complete()),
                inTens(counts.partial())));
    }

    private static long inTens(long count) {
        return count / 10 * 10;
    }
}
