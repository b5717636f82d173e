package uk.chorus.dataprotection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff carry out a respondent's data-protection request: a copy of everything held, or erasure.
 * Erasure is confirmed on a page that names what will go, then answers 303.
 */
@Secured({Role.ADMIN_NAME, Role.LEAD_NAME})
@Controller(value = "/staff/requests", produces = MediaType.TEXT_HTML)
class DataRequestsController {
    private static final int LONGEST_CODE = 40;
    private final DataRequests requests;
    private final JsonMapper json;
    private final Messages messages;

    DataRequestsController(DataRequests requests, JsonMapper json, Messages messages) {
        this.requests = requests;
        this.json = json;
        this.messages = messages;
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    /** A request as typed on the form, checked. */
    private record Typed(String code, String action, String reason, FormErrors errors) {
    }

    @Get
    MutableHttpResponse<?> form(Authentication authentication, @Nullable @QueryValue String done) {
        String doneKey = "erased".equals(done) ? "requests.done.erased" : "nothing".equals(done)
                ? "requests.done.nothing" : null;
        return render(authentication, HttpStatus.OK, new Typed("", "export", "", FormErrors.none()), doneKey);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> handle(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Typed typed = check(form.get());
        if (typed.errors().any()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, typed, null);
        }
        Staff staff = Staff.of(authentication);
        if (DataRequests.looksLikeFeedback(typed.code())) {
            return handleFeedback(authentication, staff, typed);
        }
        Optional<ResponseRecords.Held> found = requests.find(typed.code());
        if (found.isEmpty()) {
            return notHeld(authentication, typed);
        }
        ResponseRecords.Held held = found.get();
        boolean erase = typed.action().equals("erase");
        if (!requests.allowed(staff, held)) {
            // Audited as refused, but answered exactly as for a reference we do not hold: a lead
            // not allowed to read a young person's answers must not learn that the reference exists.
            requests.refused(staff, held, erase ? "erasure" : "export");
            return notHeld(authentication, typed);
        }
        if (erase) {
            return Pages.render("dataprotection/confirm-erasure", Pages.model("titleKey", "requests.confirm.title",
                    "staff", staff, "code", typed.code(), "reason", typed.reason(), "held", describe(held),
                    "backUrl", "/staff/requests"));
        }
        try {
            return HttpResponse.ok(json.writeValueAsString(requests.export(staff, held, typed.reason())))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"chorus-" + held.name().replace(' ', '-')
                            + ".json\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Post(uri = "/erase", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> erase(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Typed typed = check(form.get());
        if (typed.errors().any()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, typed, null);
        }
        Staff staff = Staff.of(authentication);
        if (DataRequests.looksLikeFeedback(typed.code())) {
            var item = requests.findFeedback(typed.code());
            if (item.isEmpty()) {
                return Pages.seeOther("/staff/requests?done=nothing");
            }
            if (!requests.allowedFeedback(staff)) {
                return Pages.error(HttpStatus.FORBIDDEN, "requests.forbidden.title", "requests.forbidden.body");
            }
            return Pages.seeOther("/staff/requests?done=" + (requests.eraseFeedback(staff, item.get(), typed.reason())
                    ? "erased" : "nothing"));
        }
        Optional<ResponseRecords.Held> found = requests.find(typed.code());
        if (found.isEmpty()) {
            return Pages.seeOther("/staff/requests?done=nothing");
        }
        if (!requests.allowed(staff, found.get())) {
            requests.refused(staff, found.get(), "erasure");
            return Pages.seeOther("/staff/requests?done=nothing");
        }
        boolean erased = requests.erase(staff, found.get(), typed.reason());
        return Pages.seeOther("/staff/requests?done=" + (erased ? "erased" : "nothing"));
    }

    private Typed check(Map<String, List<String>> form) {
        String code = StaffForms.first(form, "code").strip();
        String action = StaffForms.first(form, "action");
        String reason = StaffForms.first(form, "reason").strip();
        FormErrors errors = FormErrors.none();
        if (code.isEmpty() || code.length() > LONGEST_CODE) {
            errors.add("code", messages.get("requests.code.missing"));
        }
        if (!action.equals("export") && !action.equals("erase")) {
            errors.add("action", messages.get("requests.action.missing"));
        }
        if (reason.isEmpty() || reason.length() > DataRequests.LONGEST_REASON) {
            errors.add("reason", messages.get("requests.reason.missing", DataRequests.LONGEST_REASON));
        }
        return new Typed(code.length() > LONGEST_CODE ? "" : code, action, reason.length() > DataRequests.LONGEST_REASON
                ? reason.substring(0, DataRequests.LONGEST_REASON) : reason, errors);
    }

    /** The same request for a feedback item (reference FB-...): its export, or the page confirming erasure. */
    private MutableHttpResponse<?> handleFeedback(Authentication authentication, Staff staff, Typed typed) {
        var item = requests.findFeedback(typed.code());
        if (item.isEmpty()) {
            return notHeld(authentication, typed);
        }
        if (!requests.allowedFeedback(staff)) {
            return Pages.error(HttpStatus.FORBIDDEN, "requests.forbidden.title", "requests.forbidden.body");
        }
        if (typed.action().equals("erase")) {
            return Pages.render("dataprotection/confirm-erasure", Pages.model("titleKey", "requests.confirm.title",
                    "staff", staff, "code", typed.code(), "reason", typed.reason(), "held", Map.of("feedback", true,
                            "survey", messages.get(item.get().channel().labelKey()), "reference", item.get().reference(),
                            "submitted", Dates.longForm(item.get().occurredOn()), "answers", 1),
                    "backUrl", "/staff/requests"));
        }
        try {
            return HttpResponse.ok(json.writeValueAsString(requests.exportFeedback(staff, item.get(), typed.reason())))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"chorus-" + item.get().reference() + ".json\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MutableHttpResponse<?> notHeld(Authentication authentication, Typed typed) {
        return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, new Typed(typed.code(), typed.action(),
                typed.reason(), FormErrors.of("code", messages.get("requests.not.held"))), null);
    }

    /** What will go, in words: the survey, the reference or "an unfinished draft", when sent, how many answers. */
    private Map<String, Object> describe(ResponseRecords.Held held) {
        return Map.of("survey", requests.surveyOf(held).title(),
                "reference", held.reference() == null ? "" : held.reference(),
                "submitted", held.submittedAt() == null ? "" : Dates.dateTime(held.submittedAt()),
                "answers", held.answers().size());
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, Typed typed,
                                          @Nullable String doneKey) {
        return Pages.render(status, "dataprotection/requests", typed.errors().addTo(Pages.model(
                "titleKey", "requests.title", "staff", Staff.of(authentication), "code", typed.code(),
                "reason", typed.reason(), "actions", List.of(
                        new Choice("action", "export", messages.get("requests.action.export"), !typed.action().equals("erase")),
                        new Choice("action-2", "erase", messages.get("requests.action.erase"), typed.action().equals("erase"))),
                "doneKey", doneKey)));
    }
}
