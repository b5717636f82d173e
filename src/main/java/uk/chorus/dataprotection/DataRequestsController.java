package uk.chorus.dataprotection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForm;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.web.FormErrors;
import uk.chorus.web.FormFailure;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.Optional;

/**
 * Staff carry out a respondent's data-protection request: a copy of everything held, or erasure.
 * Erasure is confirmed on a page that names what will go, then answers 303.
 */
@Secured({Role.ADMIN_NAME, Role.LEAD_NAME})
@Controller(value = "/staff/requests", produces = MediaType.TEXT_HTML)
class DataRequestsController {
    private final DataRequests requests;
    private final DataRequestPages pages;
    private final Messages messages;

    DataRequestsController(DataRequests requests, DataRequestPages pages, Messages messages) {
        this.requests = requests;
        this.pages = pages;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> form(Authentication authentication, @Nullable @QueryValue String done) {
        String doneKey = "erased".equals(done) ? "requests.done.erased" : "nothing".equals(done)
                ? "requests.done.nothing" : null;
        return pages.form(authentication, HttpStatus.OK, DataRequestForm.blank(), FormErrors.none(), doneKey);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> handle(@Valid @StaffForm DataRequestForm typed, Authentication authentication) {
        Staff staff = Staff.of(authentication);
        if (DataRequests.looksLikeFeedback(typed.code())) {
            return handleFeedback(authentication, staff, typed);
        }
        Optional<ResponseRecords.Held> found = requests.find(typed.code());
        if (found.isEmpty()) {
            return pages.notHeld(authentication, typed);
        }
        ResponseRecords.Held held = found.get();
        if (!requests.allowed(staff, held)) {
            // Audited as refused, but answered exactly as for a reference we do not hold: a lead
            // not allowed to read a young person's answers must not learn that the reference exists.
            requests.refused(staff, held, typed.erasing() ? "erasure" : "export");
            return pages.notHeld(authentication, typed);
        }
        if (typed.erasing()) {
            return pages.confirmErasure(staff, typed, held);
        }
        return pages.download(requests.export(staff, held, typed.reason()), held.name().replace(' ', '-'));
    }

    @Post(uri = "/erase", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> erase(@Valid @StaffForm DataRequestForm typed, Authentication authentication) {
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

    /** A code, action or reason missing or too long: the form again with what was typed. */
    @Error(exception = ConstraintViolationException.class)
    MutableHttpResponse<?> invalid(HttpRequest<?> request, Authentication authentication, ConstraintViolationException e) {
        FormFailure failure = FormFailure.of(request, e, messages);
        return pages.form(authentication, HttpStatus.UNPROCESSABLE_ENTITY, (DataRequestForm) failure.form(),
                failure.errors(), null);
    }

    /** The same request for a feedback item (reference FB-...): its export, or the page confirming erasure. */
    private MutableHttpResponse<?> handleFeedback(Authentication authentication, Staff staff, DataRequestForm typed) {
        var item = requests.findFeedback(typed.code());
        if (item.isEmpty()) {
            return pages.notHeld(authentication, typed);
        }
        if (!requests.allowedFeedback(staff)) {
            return Pages.error(HttpStatus.FORBIDDEN, "requests.forbidden.title", "requests.forbidden.body");
        }
        if (typed.erasing()) {
            return pages.confirmFeedbackErasure(staff, typed, item.get());
        }
        return pages.download(requests.exportFeedback(staff, item.get(), typed.reason()), item.get().reference());
    }
}
